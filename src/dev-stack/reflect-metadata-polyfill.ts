// src/local-ca now loads the `reflect-metadata` package itself (tsyringe, under @peculiar/x509,
// needs it). This file used to hold a hand-written stand-in and only remains because other test
// fixtures import it; loading the real package here keeps them working. Delete once unused.
import 'reflect-metadata';
