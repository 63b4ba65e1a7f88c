console.log('clientflow: not yet');
