#include <SwanSocket/validation.h>

#include <QHash>
#include <QLocale>

#include <cmath>
#include <limits>

// The reasons below are API results a script reads in errMsg (the browser's words where
// behaviour.md asks for them), not UI text, so they are deliberately not translated.

namespace SwanSocket::Validation {

namespace {

// A script's `undefined` arrives as an invalid QVariant, its `null` as std::nullptr_t.
bool isAbsent(const QVariant &value)
{
    return !value.isValid() || value.typeId() == QMetaType::Nullptr;
}

bool isString(const QVariant &value) { return value.typeId() == QMetaType::QString; }

// Numbers only: QVariant would happily convert a bool or a string to a number as well.
bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

// As JavaScript prints a number: 3000, 1000.5, 1e+21.
QString numberText(const QVariant &number)
{
    switch (number.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double value = number.toDouble();
        if (std::isnan(value))
            return QStringLiteral("NaN");
        if (std::isinf(value))
            return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return QString::number(value, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        return QString::number(number.toULongLong());
    default:
        return QString::number(number.toLongLong());
    }
}

bool isTchar(char16_t c)
{
    if ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
        return true;
    switch (c) {
    case u'!':
    case u'#':
    case u'$':
    case u'%':
    case u'&':
    case u'\'':
    case u'*':
    case u'+':
    case u'-':
    case u'.':
    case u'^':
    case u'_':
    case u'`':
    case u'|':
    case u'~':
        return true;
    default:
        return false;
    }
}

// Raw CR/LF would let a script inject request lines; other invisible characters only hide
// what the url really is. QUrl in StrictMode catches most, but not all (e.g. in the query).
bool hasSpaceOrControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

bool isReservedHeader(const QString &name)
{
    static const QLatin1String handshakeNames[] = {
            QLatin1String("Host"),
            QLatin1String("Connection"),
            QLatin1String("Upgrade"),
            QLatin1String("Origin"),
    };
    for (const QLatin1String reserved : handshakeNames) {
        if (name.compare(reserved, Qt::CaseInsensitive) == 0)
            return true;
    }
    return name.startsWith(QLatin1String("Sec-WebSocket-"), Qt::CaseInsensitive);
}

// Fetch's header-value normalisation: surrounding spaces and tabs are not part of the value.
QString trimHttpWhitespace(const QString &value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    const auto isHttpWhitespace = [](QChar c) { return c == u' ' || c == u'\t'; };
    while (begin < end && isHttpWhitespace(value.at(begin)))
        ++begin;
    while (end > begin && isHttpWhitespace(value.at(end - 1)))
        --end;
    return value.mid(begin, end - begin);
}

QString closeCodeFailure(const QString &value)
{
    return QStringLiteral("The code must be either 1000, or between 3000 and 4999. %1 is neither.")
            .arg(value);
}

bool isValidCloseCode(qlonglong code) { return code == 1000 || (code >= 3000 && code <= 4999); }

} // namespace

Outcome normalizeUrl(const QVariant &url, bool allowInsecure, QUrl *normalized)
{
    if (normalized)
        *normalized = QUrl();
    if (isAbsent(url))
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("url is required"));
    if (!isString(url))
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("url must be a string"));

    const QString text = url.toString();
    if (text.isEmpty())
        return Outcome::failure(ErrorClass::Url, QStringLiteral("url is empty"));
    if (hasSpaceOrControl(text)) {
        return Outcome::failure(ErrorClass::Url,
                                QStringLiteral("url must not contain whitespace or control "
                                               "characters"));
    }

    QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.isRelative())
        return Outcome::failure(ErrorClass::Url, QStringLiteral("invalid url: %1").arg(text));

    const QString scheme = parsed.scheme();
    if (scheme == QLatin1String("ws") && !allowInsecure) {
        return Outcome::failure(ErrorClass::Url,
                                QStringLiteral("ws:// needs the development switch"));
    }
    if (scheme != QLatin1String("wss") && scheme != QLatin1String("ws")) {
        return Outcome::failure(
                ErrorClass::Url,
                allowInsecure ? QStringLiteral("url scheme must be wss or ws (got %1)").arg(scheme)
                              : QStringLiteral("url scheme must be wss (got %1)").arg(scheme));
    }
    // "wss://@h" has an empty but present userinfo: still an '@' a reader may misread.
    if (!parsed.userInfo().isEmpty() || parsed.authority().contains(QLatin1Char('@'))) {
        return Outcome::failure(ErrorClass::Url, QStringLiteral("url must not contain userinfo"));
    }
    if (parsed.hasFragment()) {
        return Outcome::failure(ErrorClass::Url, QStringLiteral("url must not contain a fragment"));
    }
    if (parsed.host(QUrl::FullyEncoded).isEmpty())
        return Outcome::failure(ErrorClass::Url, QStringLiteral("url has no host"));
    if (parsed.port() == 0)
        return Outcome::failure(ErrorClass::Url, QStringLiteral("url port must not be 0"));

    // QUrl has already lower-cased and IDNA-mapped the host; it keeps it as Unicode, so callers
    // read the ACE form through host(QUrl::FullyEncoded) or toEncoded().
    // Qt 6.4 sends "GET ?x=1" for an empty path; the request target must start with '/'.
    if (parsed.path().isEmpty())
        parsed.setPath(QStringLiteral("/"));
    if (normalized)
        *normalized = parsed;
    return Outcome::success();
}

QString normalizeAllowedDomain(const QString &entry)
{
    const QString text = entry.trimmed();
    // A wildcard would be a suffix match in disguise: behaviour.md allows exact hosts only.
    if (text.isEmpty() || hasSpaceOrControl(text) || text.contains(QLatin1Char('*')))
        return {};

    QString urlText;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0) {
        const QString scheme = text.left(schemeEnd).toLower();
        if (scheme != QLatin1String("wss") && scheme != QLatin1String("ws")
            && scheme != QLatin1String("https") && scheme != QLatin1String("http"))
            return {};
        urlText = text;
    } else if (text.count(QLatin1Char(':')) >= 2 && !text.startsWith(QLatin1Char('['))) {
        urlText = QStringLiteral("wss://[%1]").arg(text); // a bare IPv6 literal
    } else {
        urlText = QStringLiteral("wss://") + text;
    }

    const QUrl url(urlText, QUrl::StrictMode);
    // An entry with userinfo ("wss://example.com@evil.com") is ambiguous about its host.
    if (!url.isValid() || url.authority().contains(QLatin1Char('@')))
        return {};
    return url.host(QUrl::FullyEncoded).toLower();
}

bool isHostAllowed(const QUrl &normalizedUrl, const QStringList &allowList)
{
    const QString host = normalizedUrl.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty())
        return false;
    for (const QString &entry : allowList) {
        if (normalizeAllowedDomain(entry) == host)
            return true;
    }
    return false;
}

bool isHttpToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!isTchar(c.unicode()))
            return false;
    }
    return true;
}

Outcome validateHeaders(const QVariant &header, HeaderList *headers)
{
    headers->clear();
    if (isAbsent(header))
        return Outcome::success();

    QVariantMap map;
    if (header.typeId() == QMetaType::QVariantMap) {
        map = header.toMap();
    } else if (header.typeId() == QMetaType::QVariantHash) {
        // Through a map, so that which of two clashing names is reported does not vary.
        const QVariantHash hash = header.toHash();
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            map.insert(it.key(), it.value());
    } else {
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("header must be an object"));
    }

    HeaderList result;
    QHash<QString, QString> seen; // lower-case name -> name as given
    const auto fail
            = [](const QString &reason) { return Outcome::failure(ErrorClass::Parameter, reason); };
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &name = it.key();
        if (name.compare(QLatin1String("Referer"), Qt::CaseInsensitive) == 0)
            return fail(QStringLiteral("header must not set Referer"));
        if (!isHttpToken(name))
            return fail(QStringLiteral("header name \"%1\" is not an HTTP token").arg(name));
        if (isReservedHeader(name))
            return fail(QStringLiteral("header %1 is set by the handshake itself").arg(name));
        const QString lower = name.toLower();
        if (const auto other = seen.constFind(lower); other != seen.cend()) {
            return fail(QStringLiteral("header %1 is given twice (as %2 and %1)")
                                .arg(name, other.value()));
        }
        seen.insert(lower, name);

        if (!isString(it.value()))
            return fail(QStringLiteral("header value of %1 must be a string").arg(name));
        const QString value = trimHttpWhitespace(it.value().toString());
        if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'))
            || value.contains(QChar(0))) {
            return fail(
                    QStringLiteral("header value of %1 must not contain CR, LF or NUL").arg(name));
        }
        // toUtf8() would silently turn a lone surrogate into '?'.
        if (!value.isValidUtf16())
            return fail(QStringLiteral("header value of %1 must be valid UTF-16 text").arg(name));
        result.append({name.toLatin1(), value.toUtf8()});
    }
    *headers = result;
    return Outcome::success();
}

Outcome validateProtocols(const QVariant &protocols, QStringList *validated)
{
    validated->clear();
    if (isAbsent(protocols))
        return Outcome::success();

    QVariantList entries;
    if (protocols.typeId() == QMetaType::QVariantList) {
        entries = protocols.toList();
    } else if (protocols.typeId() == QMetaType::QStringList) {
        for (const QString &protocol : protocols.toStringList())
            entries.append(protocol);
    } else {
        return Outcome::failure(ErrorClass::Parameter,
                                QStringLiteral("protocols must be an array of strings"));
    }

    QStringList result;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QVariant &entry = entries.at(i);
        if (!isString(entry)) {
            return Outcome::failure(ErrorClass::Url,
                                    QStringLiteral("protocols[%1] is not a string").arg(i));
        }
        const QString protocol = entry.toString();
        if (!isHttpToken(protocol)) {
            return Outcome::failure(
                    ErrorClass::Url,
                    QStringLiteral("protocol \"%1\" is not an HTTP token").arg(protocol));
        }
        // WHATWG compares subprotocols case-sensitively: "chat" and "Chat" may both be offered.
        if (result.contains(protocol)) {
            return Outcome::failure(ErrorClass::Url,
                                    QStringLiteral("protocol \"%1\" is given twice").arg(protocol));
        }
        result.append(protocol);
    }
    *validated = result;
    return Outcome::success();
}

Outcome validateCloseCode(const QVariant &code, int *validated)
{
    if (isAbsent(code)) {
        *validated = 1000;
        return Outcome::success();
    }
    if (isString(code)) {
        const QString text = code.toString();
        bool ok = !text.isEmpty();
        for (const QChar c : text)
            ok = ok && c >= u'0' && c <= u'9';
        const qlonglong number = ok ? text.toLongLong(&ok) : 0;
        if (!ok || !isValidCloseCode(number))
            return Outcome::failure(ErrorClass::Parameter, closeCodeFailure(text));
        *validated = int(number);
        return Outcome::success();
    }
    if (!isNumber(code))
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("code must be a number"));

    const double number = code.toDouble();
    // Whole numbers only: NaN, infinities and fractions all fail the comparison with trunc().
    if (!(std::isfinite(number) && std::trunc(number) == number) || std::fabs(number) > 1e9
        || !isValidCloseCode(qlonglong(number))) {
        return Outcome::failure(ErrorClass::Parameter, closeCodeFailure(numberText(code)));
    }
    *validated = int(number);
    return Outcome::success();
}

Outcome validateCloseReason(const QVariant &reason, QString *validated)
{
    if (isAbsent(reason)) {
        validated->clear();
        return Outcome::success();
    }
    if (!isString(reason))
        return Outcome::failure(ErrorClass::Parameter, QStringLiteral("reason must be a string"));
    const QString text = reason.toString();
    // Counted in UTF-8 bytes, which a lone surrogate has none of.
    if (!text.isValidUtf16()) {
        return Outcome::failure(ErrorClass::Parameter,
                                QStringLiteral("reason must be valid UTF-16 text"));
    }
    if (text.toUtf8().size() > 123) {
        return Outcome::failure(ErrorClass::Parameter,
                                QStringLiteral("The message must not be greater than 123 bytes."));
    }
    *validated = text;
    return Outcome::success();
}

Outcome validateTimeout(const QVariant &timeout, int defaultMs, int *validated)
{
    if (isAbsent(timeout)) {
        *validated = defaultMs;
        return Outcome::success();
    }
    const auto failure = [] {
        return Outcome::failure(ErrorClass::Parameter,
                                QStringLiteral("timeout must be a positive number of "
                                               "milliseconds"));
    };
    if (!isNumber(timeout))
        return failure();
    // Truncated first, so 0.5 (no whole millisecond) fails rather than becoming 0.
    const double ms = std::trunc(timeout.toDouble());
    if (!std::isfinite(ms) || ms < 1 || ms > double(std::numeric_limits<int>::max()))
        return failure();
    *validated = int(ms);
    return Outcome::success();
}

} // namespace SwanSocket::Validation
