#pragma once

// SocketTask options for the tests that open tasks themselves: the url, subprotocols, and
// trust in the throw-away test CA. Here rather than in the test support, which shares no code
// with the library it tests.
#include <SwanSocket/sockettask.h>

#include "testcertificates.h"

inline SwanSocket::SocketTask::Options optionsFor(const QUrl &url,
                                                  const QStringList &protocols = {})
{
    SwanSocket::SocketTask::Options options;
    options.url = url;
    options.protocols = protocols;
    options.sslConfiguration.addCaCertificate(
            SwanTest::TestCertificates::instance().caCertificate());
    return options;
}
