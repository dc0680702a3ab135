#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QString>

#include <optional>

namespace SwanSocket {

/// One host redirection in curl's --connect-to form "HOST1:PORT1:HOST2:PORT2": a connection
/// to HOST1:PORT1 goes to HOST2:PORT2 instead, while the URL's host is still used for SNI,
/// certificate checks and the Host header. Empty HOST1/PORT1 match any; empty HOST2/PORT2
/// keep the original. IPv6 literals are written in brackets.
struct SWANSOCKET_EXPORT ConnectToRule
{
    QString fromHost; ///< lower-case; empty matches any host
    int fromPort = -1; ///< -1 matches any port
    QString toHost; ///< empty keeps the original host
    int toPort = -1; ///< -1 keeps the original port

    /// std::nullopt when @p spec is not of the form above.
    static std::optional<ConnectToRule> parse(const QString &spec);

    bool matches(const QString &host, int port) const;
    QString targetHost(const QString &host) const { return toHost.isEmpty() ? host : toHost; }
    int targetPort(int port) const { return toPort < 0 ? port : toPort; }
};

} // namespace SwanSocket
