#pragma once

#include <SwanSocket/outcome.h>
#include <SwanSocket/swansocket_export.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <QVariant>

/// Pure functions that decide whether what a script passed is acceptable, exactly as
/// ../shared/spec/behaviour.md says. No I/O, no state: each is table-tested in tst_validation.
namespace SwanSocket::Validation {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// Parses and normalises a connectSocket url. Scheme must be wss (ws too when
/// @p allowInsecure, the development switch); absolute, with a host; no userinfo, no fragment.
/// An empty path becomes "/" (so "wss://h?x=1" requests "/?x=1"). Host is IDNA-normalised
/// (lower-case ACE form). Failures are ErrorClass::Url.
SWANSOCKET_EXPORT Outcome normalizeUrl(const QVariant &url, bool allowInsecure, QUrl *normalized);

/// Normalises one allow-list entry ("Example.COM", "wss://example.com", "例子.cn") to the form
/// normalizeUrl() gives hosts, or an empty string when the entry cannot name a host.
SWANSOCKET_EXPORT QString normalizeAllowedDomain(const QString &entry);

/// Exact, case-insensitive host match after IDNA normalisation; no suffix match.
/// @p allowList holds entries as the user typed them.
SWANSOCKET_EXPORT bool isHostAllowed(const QUrl &normalizedUrl, const QStringList &allowList);

/// RFC 7230 token (the grammar of header names and subprotocols).
SWANSOCKET_EXPORT bool isHttpToken(const QString &text);

/// connectSocket's `header` option: an object of string values. Rejected (ErrorClass::Parameter):
/// not an object, a non-string value, Referer in any case, a name that is not a token, a value
/// with CR, LF or NUL, the handshake's own names (Host, Connection, Upgrade, Origin,
/// Sec-WebSocket-*), a name given twice in different case. An absent/null header is no headers.
SWANSOCKET_EXPORT Outcome validateHeaders(const QVariant &header, HeaderList *headers);

/// connectSocket's `protocols` option: an array of distinct token strings. Not an array is
/// ErrorClass::Parameter; a bad or duplicate entry is ErrorClass::Url. Absent/null is none.
SWANSOCKET_EXPORT Outcome validateProtocols(const QVariant &protocols, QStringList *validated);

/// close's `code`: absent/null is 1000; else 1000 or 3000..4999, as a number or a numeric
/// string, whole. Failures are ErrorClass::Parameter with the browser's words.
SWANSOCKET_EXPORT Outcome validateCloseCode(const QVariant &code, int *validated);

/// close's `reason`: absent/null is empty; else a string of at most 123 bytes of UTF-8.
SWANSOCKET_EXPORT Outcome validateCloseReason(const QVariant &reason, QString *validated);

/// connectSocket's `timeout` (ms): absent/null is @p defaultMs; else a positive number.
SWANSOCKET_EXPORT Outcome validateTimeout(const QVariant &timeout, int defaultMs, int *validated);

} // namespace SwanSocket::Validation
