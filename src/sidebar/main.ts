// sidebar client: to be written
