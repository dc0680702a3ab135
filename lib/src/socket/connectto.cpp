#include <SwanSocket/connectto.h>
#include <SwanSocket/validation.h>

#include <QHostAddress>
#include <QRegularExpression>

namespace SwanSocket {

namespace {
// One host part: empty, a bracketed IPv6 literal, or a host name / IPv4 address. Hosts are
// normalised as allow-list entries are (lower-case ACE, canonical IP) so that rules compare
// with the hosts normalizeUrl() produces.
bool parseHostPort(const QString &host, const QString &port, QString *hostOut, int *portOut)
{
    if (host.startsWith(QLatin1Char('['))) {
        const QString literal = host.mid(1, host.size() - 2);
        if (!host.endsWith(QLatin1Char(']'))
            || QHostAddress(literal).protocol() != QAbstractSocket::IPv6Protocol)
            return false;
        *hostOut = QHostAddress(literal).toString();
    } else if (!host.isEmpty()) {
        *hostOut = Validation::normalizeAllowedDomain(host);
        if (hostOut->isEmpty() || hostOut->contains(QLatin1Char('/')))
            return false;
    } else {
        hostOut->clear();
    }
    if (port.isEmpty()) {
        *portOut = -1;
        return true;
    }
    bool ok = false;
    const int p = port.toInt(&ok);
    if (!ok || p < 1 || p > 65535)
        return false;
    *portOut = p;
    return true;
}
} // namespace

std::optional<ConnectToRule> ConnectToRule::parse(const QString &spec)
{
    // HOST ( '[' v6 ']' | no-colon run ), PORT digits; four parts separated by ':'.
    static const QRegularExpression re(QStringLiteral(
            R"(^(\[[0-9A-Fa-f:.]+\]|[^:\[\]]*):([0-9]*):(\[[0-9A-Fa-f:.]+\]|[^:\[\]]*):([0-9]*)$)"));
    const auto m = re.match(spec.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    ConnectToRule rule;
    if (!parseHostPort(m.captured(1), m.captured(2), &rule.fromHost, &rule.fromPort)
        || !parseHostPort(m.captured(3), m.captured(4), &rule.toHost, &rule.toPort))
        return std::nullopt;
    return rule;
}

bool ConnectToRule::matches(const QString &host, int port) const
{
    return (fromHost.isEmpty() || fromHost == Validation::normalizeAllowedDomain(host))
            && (fromPort < 0 || fromPort == port);
}

} // namespace SwanSocket
