#include <SwanSocket/validation.h>

// STUB: being written (see tst_validation).
namespace SwanSocket::Validation {
Outcome normalizeUrl(const QVariant &url, bool, QUrl *normalized)
{
    *normalized = QUrl(url.toString());
    return Outcome::success();
}
QString normalizeAllowedDomain(const QString &entry) { return entry.toLower(); }
bool isHostAllowed(const QUrl &, const QStringList &) { return true; }
bool isHttpToken(const QString &) { return true; }
Outcome validateHeaders(const QVariant &, HeaderList *) { return Outcome::success(); }
Outcome validateProtocols(const QVariant &, QStringList *) { return Outcome::success(); }
Outcome validateCloseCode(const QVariant &, int *validated)
{
    *validated = 1000;
    return Outcome::success();
}
Outcome validateCloseReason(const QVariant &, QString *) { return Outcome::success(); }
Outcome validateTimeout(const QVariant &, int defaultMs, int *validated)
{
    *validated = defaultMs;
    return Outcome::success();
}
} // namespace SwanSocket::Validation
