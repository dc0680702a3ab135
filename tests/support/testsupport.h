#pragma once

// Everything tests need to talk to real servers on loopback (namespace SwanTest):
// TestCertificates (a throw-away CA and server certificates), SecureEchoServer (in-process
// wss:// echo server), PeerServer (python3-websockets / node-ws peers in their own processes)
// the "cmd:" helpers they all understand (peercommands.h), and HostileServer (raw TCP/TLS, every
// byte written by a test's script, for servers that misbehave on purpose).
#include "hostileserver.h"
#include "peercommands.h"
#include "peerserver.h"
#include "secureechoserver.h"
#include "testcertificates.h"
#include "testhelpers.h"
