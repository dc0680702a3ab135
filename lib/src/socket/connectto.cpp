#include <SwanSocket/connectto.h>

#include <QRegularExpression>

namespace SwanSocket {

namespace {
// One host part: empty, a bracketed IPv6 literal, or a name/IPv4 without ':'.
bool parseHostPort(const QString &host, const QString &port, QString *hostOut, int *portOut)
{
    QString h = host;
    if (h.startsWith(QLatin1Char('['))) {
        if (!h.endsWith(QLatin1Char(']')))
            return false;
        h = h.mid(1, h.size() - 2);
    }
    *hostOut = h.toLower();
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
    return (fromHost.isEmpty() || fromHost.compare(host, Qt::CaseInsensitive) == 0)
            && (fromPort < 0 || fromPort == port);
}

} // namespace SwanSocket
