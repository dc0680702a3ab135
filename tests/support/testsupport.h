#pragma once

// Everything tests need to talk to real servers on loopback (namespace SwanTest):
// TestCertificates (a throw-away CA and server certificates), SecureEchoServer (in-process
// wss:// echo server), PeerServer (python3-websockets / node-ws peers in their own processes)
// and the "cmd:" helpers they all understand (peercommands.h).
#include "peercommands.h"
#include "peerserver.h"
#include "secureechoserver.h"
#include "testcertificates.h"
#include "testhelpers.h"
