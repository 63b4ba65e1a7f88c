console.log('playground: not yet');
