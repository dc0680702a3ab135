// swan.js: the JS side of the swan global (being written)
