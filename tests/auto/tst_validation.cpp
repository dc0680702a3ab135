#include <SwanSocket/connectto.h>
#include <SwanSocket/validation.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace SwanSocket;
using Validation::HeaderList;

Q_DECLARE_METATYPE(SwanSocket::ErrorClass)

namespace {

const QVariant absent;
const QVariant null = QVariant::fromValue(nullptr);

QVariant map(std::initializer_list<std::pair<const QString, QVariant>> entries)
{
    return QVariantMap(entries);
}

QVariant list(std::initializer_list<QVariant> entries) { return QVariantList(entries); }

QByteArray header(const char *name, const char *value) { return QByteArray(name) + ": " + value; }

QString text(const char16_t *utf16) { return QString::fromUtf16(utf16); }

QString withChar(const char *before, char16_t c, const char *after)
{
    return QLatin1String(before) + QChar(c) + QLatin1String(after);
}

// Failure reasons are compared by prefix, so a row states exactly as much text as matters.
void verifyOutcome(const Outcome &outcome, ErrorClass expectedClass, const QString &expectedReason)
{
    QVERIFY2(outcome.errorClass == expectedClass,
             qPrintable(QStringLiteral("class %1, expected %2 (reason \"%3\")")
                                .arg(int(outcome.errorClass))
                                .arg(int(expectedClass))
                                .arg(outcome.reason)));
    QVERIFY2(outcome.reason.startsWith(expectedReason),
             qPrintable(QStringLiteral("reason \"%1\" does not start with \"%2\"")
                                .arg(outcome.reason, expectedReason)));
    if (expectedClass != ErrorClass::None)
        QVERIFY(!outcome.reason.isEmpty());
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void normalizeUrl_data();
    void normalizeUrl();
    void normalizeAllowedDomain_data();
    void normalizeAllowedDomain();
    void isHostAllowed_data();
    void isHostAllowed();
    void isHttpToken_data();
    void isHttpToken();
    void validateHeaders_data();
    void validateHeaders();
    void validateProtocols_data();
    void validateProtocols();
    void validateCloseCode_data();
    void validateCloseCode();
    void validateCloseReason_data();
    void validateCloseReason();
    void validateTimeout_data();
    void validateTimeout();
    void connectToParse_data();
    void connectToParse();
    void connectToMatches_data();
    void connectToMatches();
};

void TestValidation::normalizeUrl_data()
{
    QTest::addColumn<QVariant>("url");
    QTest::addColumn<bool>("allowInsecure");
    QTest::addColumn<ErrorClass>("expectedClass");
    // The normalised url's encoded form on success, the reason's prefix on failure.
    QTest::addColumn<QString>("expected");

    const auto ok = ErrorClass::None;
    const auto url = ErrorClass::Url;
    const auto parameter = ErrorClass::Parameter;

    QTest::newRow("plain") << QVariant("wss://example.com/chat") << false << ok
                           << "wss://example.com/chat";
    QTest::newRow("empty path with query")
            << QVariant("wss://h?x=1") << false << ok << "wss://h/?x=1";
    QTest::newRow("empty path") << QVariant("wss://h") << false << ok << "wss://h/";
    QTest::newRow("host lower-cased")
            << QVariant("wss://EXAMPLE.com") << false << ok << "wss://example.com/";
    QTest::newRow("scheme lower-cased, path case kept")
            << QVariant("WSS://Example.COM/Path") << false << ok << "wss://example.com/Path";
    QTest::newRow("IDN host to ACE")
            << QVariant(text(u"wss://例子.cn/")) << false << ok << "wss://xn--fsqu00a.cn/";
    QTest::newRow("IDN ideographic full stop")
            << QVariant(text(u"wss://例子。cn/")) << false << ok << "wss://xn--fsqu00a.cn/";
    QTest::newRow("explicit default port kept") << QVariant("wss://example.com:443/a?b=c") << false
                                                << ok << "wss://example.com:443/a?b=c";
    QTest::newRow("explicit port kept")
            << QVariant("wss://h:8443") << false << ok << "wss://h:8443/";
    QTest::newRow("IPv4 literal") << QVariant("wss://127.0.0.1:9000/") << false << ok
                                  << "wss://127.0.0.1:9000/";
    QTest::newRow("IPv6 literal") << QVariant("wss://[::1]:9000") << false << ok
                                  << "wss://[::1]:9000/";
    QTest::newRow("non-ASCII path encoded")
            << QVariant(text(u"wss://h/路径")) << false << ok << "wss://h/%E8%B7%AF%E5%BE%84";
    QTest::newRow("ws with development switch")
            << QVariant("ws://localhost:8080") << true << ok << "ws://localhost:8080/";
    QTest::newRow("wss with development switch")
            << QVariant("wss://h/") << true << ok << "wss://h/";

    QTest::newRow("ws without development switch")
            << QVariant("ws://h/") << false << url << "ws:// needs the development switch";
    QTest::newRow("http") << QVariant("http://h/") << false << url
                          << "url scheme must be wss (got http)";
    QTest::newRow("https") << QVariant("https://h/") << false << url
                           << "url scheme must be wss (got https)";
    QTest::newRow("https with development switch")
            << QVariant("https://h/") << true << url << "url scheme must be wss or ws (got https)";
    QTest::newRow("userinfo") << QVariant("wss://user:pw@h/") << false << url
                              << "url must not contain userinfo";
    QTest::newRow("user only") << QVariant("wss://user@h/") << false << url
                               << "url must not contain userinfo";
    QTest::newRow("empty userinfo")
            << QVariant("wss://@h/") << false << url << "url must not contain userinfo";
    QTest::newRow("userinfo trick") << QVariant("wss://example.com@evil.com/") << false << url
                                    << "url must not contain userinfo";
    QTest::newRow("fragment") << QVariant("wss://h/#frag") << false << url
                              << "url must not contain a fragment";
    QTest::newRow("empty fragment")
            << QVariant("wss://h/#") << false << url << "url must not contain a fragment";
    QTest::newRow("no host") << QVariant("wss:///x") << false << url << "url has no host";
    QTest::newRow("no authority") << QVariant("wss:h") << false << url << "url has no host";
    QTest::newRow("port 0") << QVariant("wss://h:0/") << false << url << "url port must not be 0";
    QTest::newRow("port out of range")
            << QVariant("wss://h:99999/") << false << url << "invalid url: wss://h:99999/";
    QTest::newRow("wildcard host")
            << QVariant("wss://*.example.com/") << false << url << "invalid url: ";
    QTest::newRow("percent in host")
            << QVariant("wss://ex%61mple.com/") << false << url << "invalid url: ";
    QTest::newRow("backslash in host")
            << QVariant("wss://h\\evil.com/") << false << url << "invalid url: ";
    QTest::newRow("bad percent escape")
            << QVariant("wss://h/%zz") << false << url << "invalid url: wss://h/%zz";
    QTest::newRow("relative path") << QVariant("/socket") << false << url << "invalid url: ";
    QTest::newRow("host without scheme")
            << QVariant("example.com/socket") << false << url << "invalid url: ";
    QTest::newRow("empty") << QVariant(QString()) << false << url << "url is empty";

    const QString spaceOrControl = QStringLiteral("url must not contain whitespace or control");
    QTest::newRow("leading spaces") << QVariant("  wss://h") << false << url << spaceOrControl;
    QTest::newRow("trailing newline") << QVariant("wss://h/\n") << false << url << spaceOrControl;
    QTest::newRow("CRLF in path") << QVariant("wss://h/a\r\nb") << false << url << spaceOrControl;
    QTest::newRow("CRLF in query")
            << QVariant("wss://h/?a=1\r\nX-Evil: 1") << false << url << spaceOrControl;
    QTest::newRow("tab in query") << QVariant("wss://h/?a=\tb") << false << url << spaceOrControl;
    QTest::newRow("space in path") << QVariant("wss://h/a b") << false << url << spaceOrControl;
    QTest::newRow("NUL") << QVariant(withChar("wss://h/a", 0, "b")) << false << url
                         << spaceOrControl;
    QTest::newRow("DEL") << QVariant(withChar("wss://h/a", 0x7f, "b")) << false << url
                         << spaceOrControl;
    QTest::newRow("no-break space")
            << QVariant(withChar("wss://h/a", 0xa0, "b")) << false << url << spaceOrControl;
    QTest::newRow("C1 control") << QVariant(withChar("wss://h/a", 0x85, "b")) << false << url
                                << spaceOrControl;

    QTest::newRow("missing") << absent << false << parameter << "url is required";
    QTest::newRow("null") << null << false << parameter << "url is required";
    QTest::newRow("number") << QVariant(42) << false << parameter << "url must be a string";
    QTest::newRow("bool") << QVariant(true) << false << parameter << "url must be a string";
    QTest::newRow("bytes") << QVariant(QByteArray("wss://h/")) << false << parameter
                           << "url must be a string";
    QTest::newRow("object") << map({{"url", "wss://h/"}}) << false << parameter
                            << "url must be a string";
    QTest::newRow("array") << list({"wss://h/"}) << false << parameter << "url must be a string";
}

void TestValidation::normalizeUrl()
{
    QFETCH(QVariant, url);
    QFETCH(bool, allowInsecure);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(QString, expected);

    QUrl normalized(QStringLiteral("wss://stale/"));
    const Outcome outcome = Validation::normalizeUrl(url, allowInsecure, &normalized);
    if (expectedClass == ErrorClass::None) {
        verifyOutcome(outcome, ErrorClass::None, QString());
        QCOMPARE(QString::fromLatin1(normalized.toEncoded()), expected);
        QVERIFY(normalized.host(QUrl::FullyEncoded)
                == normalized.host(QUrl::FullyEncoded).toLower());
    } else {
        verifyOutcome(outcome, expectedClass, expected);
        QVERIFY(normalized.isEmpty()); // nothing half-normalised leaks out of a failure
    }
}

void TestValidation::normalizeAllowedDomain_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("expected");

    QTest::newRow("host") << "example.com"
                          << "example.com";
    QTest::newRow("mixed case") << "Example.COM"
                                << "example.com";
    QTest::newRow("surrounding spaces") << "  example.com\t"
                                        << "example.com";
    QTest::newRow("wss url") << "wss://example.com"
                             << "example.com";
    QTest::newRow("https url with path") << "https://example.com/"
                                         << "example.com";
    QTest::newRow("upper-case scheme") << "WSS://Example.com/x?y"
                                       << "example.com";
    QTest::newRow("host with port") << "example.com:443"
                                    << "example.com";
    QTest::newRow("url with port") << "wss://example.com:8443/"
                                   << "example.com";
    QTest::newRow("IDN") << text(u"例子.cn") << "xn--fsqu00a.cn";
    QTest::newRow("IDN url") << text(u"https://例子.cn/") << "xn--fsqu00a.cn";
    QTest::newRow("ACE") << "XN--FSQU00A.cn"
                         << "xn--fsqu00a.cn";
    QTest::newRow("IPv4") << "127.0.0.1"
                          << "127.0.0.1";
    QTest::newRow("bare IPv6") << "::1"
                               << "::1";
    QTest::newRow("bracketed IPv6") << "[::1]"
                                    << "::1";
    QTest::newRow("IPv6 long form") << "[0:0:0:0:0:0:0:1]"
                                    << "::1";
    QTest::newRow("IPv6 url") << "http://[::1]:80/"
                              << "::1";
    QTest::newRow("trailing dot kept") << "example.com."
                                       << "example.com.";

    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("spaces only") << "   "
                                 << "";
    QTest::newRow("wildcard") << "*.example.com"
                              << "";
    QTest::newRow("wildcard url") << "wss://*.example.com"
                                  << "";
    QTest::newRow("inner space") << "exa mple.com"
                                 << "";
    QTest::newRow("other scheme") << "ftp://example.com"
                                  << "";
    QTest::newRow("scheme only") << "wss://"
                                 << "";
    QTest::newRow("userinfo") << "wss://example.com@evil.com"
                              << "";
    QTest::newRow("bad port") << "example.com:99999"
                              << "";
    QTest::newRow("bad IPv6") << "[::1"
                              << "";
}

void TestValidation::normalizeAllowedDomain()
{
    QFETCH(QString, entry);
    QFETCH(QString, expected);
    QCOMPARE(Validation::normalizeAllowedDomain(entry), expected);
}

void TestValidation::isHostAllowed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("allowList");
    QTest::addColumn<bool>("allowed");

    const QStringList example {QStringLiteral("example.com")};

    QTest::newRow("exact") << "wss://example.com/" << example << true;
    QTest::newRow("url case") << "wss://EXAMPLE.com/" << example << true;
    QTest::newRow("entry case") << "wss://example.com/" << QStringList {"Example.COM"} << true;
    QTest::newRow("entry as wss url")
            << "wss://example.com/" << QStringList {"wss://example.com"} << true;
    QTest::newRow("entry as https url")
            << "wss://example.com/" << QStringList {"https://example.com/"} << true;
    QTest::newRow("url port ignored") << "wss://example.com:8443/" << example << true;
    QTest::newRow("entry port ignored")
            << "wss://example.com/" << QStringList {"example.com:1"} << true;
    QTest::newRow("second entry") << "wss://b.com/" << QStringList {"a.com", "b.com"} << true;
    QTest::newRow("empty list") << "wss://example.com/" << QStringList() << false;

    QTest::newRow("suffix") << "wss://evil-example.com/" << example << false;
    QTest::newRow("subdomain") << "wss://sub.example.com/" << example << false;
    QTest::newRow("entry as suffix") << "wss://example.com.evil.com/" << example << false;
    QTest::newRow("prefix") << "wss://example.co/" << example << false;
    QTest::newRow("longer TLD") << "wss://example.comm/" << example << false;
    QTest::newRow("userinfo trick") << "wss://example.com@evil.com/" << example << false;
    QTest::newRow("userinfo entry")
            << "wss://evil.com/" << QStringList {"wss://example.com@evil.com"} << false;
    QTest::newRow("trailing dot url") << "wss://example.com./" << example << false;
    QTest::newRow("trailing dot entry")
            << "wss://example.com/" << QStringList {"example.com."} << false;
    QTest::newRow("wildcard entry")
            << "wss://sub.example.com/" << QStringList {"*.example.com"} << false;
    QTest::newRow("wildcard entry, bare host")
            << "wss://example.com/" << QStringList {"*.example.com"} << false;
    QTest::newRow("empty entry") << "wss://example.com/" << QStringList {""} << false;

    QTest::newRow("IDN") << text(u"wss://例子.cn/") << QStringList {text(u"例子.cn")} << true;
    QTest::newRow("IDN url, ACE entry")
            << text(u"wss://例子.cn/") << QStringList {"xn--fsqu00a.cn"} << true;
    QTest::newRow("ACE url, IDN entry")
            << "wss://xn--fsqu00a.cn/" << QStringList {text(u"例子.cn")} << true;
    QTest::newRow("IDN other TLD")
            << text(u"wss://例子.com/") << QStringList {text(u"例子.cn")} << false;
    // Cyrillic U+0430 in place of the Latin 'a'.
    QTest::newRow("look-alike") << text(u"wss://exаmple.com/") << example << false;
    QTest::newRow("look-alike, own ACE entry")
            << text(u"wss://exаmple.com/") << QStringList {"xn--exmple-4nf.com"} << true;
    QTest::newRow("fullwidth folds to ASCII") << text(u"wss://ｅxample.com/") << example << true;

    QTest::newRow("IPv4") << "wss://127.0.0.1/" << QStringList {"127.0.0.1"} << true;
    QTest::newRow("other IPv4") << "wss://127.0.0.2/" << QStringList {"127.0.0.1"} << false;
    QTest::newRow("IPv4 prefix") << "wss://127.0.0.10/" << QStringList {"127.0.0.1"} << false;
    QTest::newRow("IPv4 with port") << "wss://127.0.0.1:9000/" << QStringList {"127.0.0.1"} << true;
    QTest::newRow("IPv6 bare entry") << "wss://[::1]/" << QStringList {"::1"} << true;
    QTest::newRow("IPv6 bracketed entry") << "wss://[::1]:9/" << QStringList {"[::1]"} << true;
    QTest::newRow("IPv6 long form entry")
            << "wss://[::1]/" << QStringList {"[0:0:0:0:0:0:0:1]"} << true;
    QTest::newRow("IPv6 other") << "wss://[::2]/" << QStringList {"::1"} << false;
    QTest::newRow("IPv4-mapped IPv6 is not IPv4")
            << "wss://[::ffff:127.0.0.1]/" << QStringList {"127.0.0.1"} << false;
    QTest::newRow("no host") << "wss:///x" << QStringList {""} << false;
}

void TestValidation::isHostAllowed()
{
    QFETCH(QString, url);
    QFETCH(QStringList, allowList);
    QFETCH(bool, allowed);

    // Parsed directly, not through normalizeUrl(), so that urls normalizeUrl() would refuse
    // (userinfo) still show the allow-list holding on its own.
    const QUrl parsed(url, QUrl::StrictMode);
    QCOMPARE(Validation::isHostAllowed(parsed, allowList), allowed);
}

void TestValidation::isHttpToken_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("token");

    QTest::newRow("word") << "chat" << true;
    QTest::newRow("every tchar") << "!#$%&'*+-.^_`|~09azAZ" << true;
    QTest::newRow("single char") << "x" << true;

    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("tab") << "a\tb" << false;
    QTest::newRow("colon") << "a:b" << false;
    QTest::newRow("comma") << "a,b" << false;
    QTest::newRow("semicolon") << "a;b" << false;
    QTest::newRow("equals") << "a=b" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("backslash") << "a\\b" << false;
    QTest::newRow("quote") << "\"a\"" << false;
    QTest::newRow("parentheses") << "(a)" << false;
    QTest::newRow("brackets") << "[a]" << false;
    QTest::newRow("braces") << "{a}" << false;
    QTest::newRow("angle brackets") << "<a>" << false;
    QTest::newRow("at") << "a@b" << false;
    QTest::newRow("question mark") << "a?" << false;
    QTest::newRow("DEL") << withChar("a", 0x7f, "") << false;
    QTest::newRow("NUL") << withChar("a", 0, "") << false;
    QTest::newRow("Latin-1") << text(u"é") << false;
    QTest::newRow("CJK") << text(u"协议") << false;
}

void TestValidation::isHttpToken()
{
    QFETCH(QString, text);
    QFETCH(bool, token);
    QCOMPARE(Validation::isHttpToken(text), token);
}

void TestValidation::validateHeaders_data()
{
    QTest::addColumn<QVariant>("header");
    QTest::addColumn<ErrorClass>("expectedClass");
    QTest::addColumn<QString>("expectedReason");
    // "Name: value" lines, in the order the headers come out.
    QTest::addColumn<QByteArrayList>("expectedHeaders");

    const auto ok = ErrorClass::None;
    const auto parameter = ErrorClass::Parameter;

    QTest::newRow("absent") << absent << ok << QString() << QByteArrayList();
    QTest::newRow("null") << null << ok << QString() << QByteArrayList();
    QTest::newRow("empty object") << QVariant(QVariantMap()) << ok << QString() << QByteArrayList();
    QTest::newRow("two headers") << map({{"X-Token", "abc"}, {"Cookie", "a=b; c=d"}}) << ok
                                 << QString()
                                 << QByteArrayList {header("Cookie", "a=b; c=d"),
                                                    header("X-Token", "abc")};
    QTest::newRow("UTF-8 value") << map({{"X-Name", text(u"张三")}}) << ok << QString()
                                 << QByteArrayList {header("X-Name", "\xe5\xbc\xa0\xe4\xb8\x89")};
    QTest::newRow("empty value") << map({{"X-Empty", ""}}) << ok << QString()
                                 << QByteArrayList {header("X-Empty", "")};
    QTest::newRow("surrounding whitespace trimmed")
            << map({{"X-A", " \tv w\t "}}) << ok << QString()
            << QByteArrayList {header("X-A", "v w")};
    QTest::newRow("inner tab kept")
            << map({{"X-A", "a\tb"}}) << ok << QString() << QByteArrayList {header("X-A", "a\tb")};
    QTest::newRow("token punctuation in name") << map({{"X-A_b.c!~", "1"}}) << ok << QString()
                                               << QByteArrayList {header("X-A_b.c!~", "1")};
    QTest::newRow("name that only starts like Host")
            << map({{"Hosting", "1"}, {"X-Upgrade", "2"}, {"Sec-Fetch-Mode", "3"}}) << ok
            << QString()
            << QByteArrayList {header("Hosting", "1"), header("Sec-Fetch-Mode", "3"),
                               header("X-Upgrade", "2")};
    QVariantHash hash;
    hash.insert(QStringLiteral("X-A"), QStringLiteral("1"));
    QTest::newRow("hash") << QVariant(hash) << ok << QString()
                          << QByteArrayList {header("X-A", "1")};

    const QString notObject = QStringLiteral("header must be an object");
    QTest::newRow("string") << QVariant("X-A: 1") << parameter << notObject << QByteArrayList();
    QTest::newRow("number") << QVariant(1) << parameter << notObject << QByteArrayList();
    QTest::newRow("array") << list({"X-A", "1"}) << parameter << notObject << QByteArrayList();

    const QString referer = QStringLiteral("header must not set Referer");
    QTest::newRow("Referer") << map({{"Referer", "https://x/"}}) << parameter << referer
                             << QByteArrayList();
    QTest::newRow("referer") << map({{"referer", "https://x/"}}) << parameter << referer
                             << QByteArrayList();
    QTest::newRow("REFERER") << map({{"REFERER", "https://x/"}}) << parameter << referer
                             << QByteArrayList();
    QTest::newRow("Referer among others") << map({{"A", "1"}, {"rEfErEr", "https://x/"}})
                                          << parameter << referer << QByteArrayList();

    QTest::newRow("name with space")
            << map({{"X A", "1"}}) << parameter << "header name \"X A\" is not an HTTP token"
            << QByteArrayList();
    QTest::newRow("name with colon")
            << map({{"X-A:", "1"}}) << parameter << "header name \"X-A:\" is not an HTTP token"
            << QByteArrayList();
    QTest::newRow("name with CRLF")
            << map({{"X-A\r\nX-B", "1"}}) << parameter
            << "header name \"X-A\r\nX-B\" is not an HTTP token" << QByteArrayList();
    QTest::newRow("empty name") << map({{"", "1"}}) << parameter
                                << "header name \"\" is not an HTTP token" << QByteArrayList();
    QTest::newRow("non-ASCII name")
            << map({{text(u"名字"), "1"}}) << parameter
            << text(u"header name \"名字\" is not an HTTP token") << QByteArrayList();

    QTest::newRow("value with CRLF")
            << map({{"X-A", "1\r\nX-Injected: 1"}}) << parameter
            << "header value of X-A must not contain CR, LF or NUL" << QByteArrayList();
    QTest::newRow("value with LF")
            << map({{"X-A", "1\nb"}}) << parameter
            << "header value of X-A must not contain CR, LF or NUL" << QByteArrayList();
    QTest::newRow("value with CR")
            << map({{"X-A", "1\rb"}}) << parameter
            << "header value of X-A must not contain CR, LF or NUL" << QByteArrayList();
    QTest::newRow("value with NUL")
            << map({{"X-A", withChar("1", 0, "b")}}) << parameter
            << "header value of X-A must not contain CR, LF or NUL" << QByteArrayList();
    QTest::newRow("value with trailing LF")
            << map({{"X-A", "1\n"}}) << parameter
            << "header value of X-A must not contain CR, LF or NUL" << QByteArrayList();
    QTest::newRow("value with lone surrogate")
            << map({{"X-A", withChar("a", 0xd800, "")}}) << parameter
            << "header value of X-A must be valid UTF-16 text" << QByteArrayList();

    for (const char *name :
         {"Host", "host", "Connection", "CONNECTION", "Upgrade", "upgrade", "Origin", "origin",
          "Sec-WebSocket-Key", "sec-websocket-key", "Sec-WebSocket-Version",
          "Sec-WebSocket-Protocol", "SEC-WEBSOCKET-EXTENSIONS", "Sec-WebSocket-Accept"}) {
        QTest::addRow("reserved %s", name)
                << map({{QLatin1String(name), "x"}}) << parameter
                << QStringLiteral("header %1 is set by the handshake itself")
                           .arg(QLatin1String(name))
                << QByteArrayList();
    }

    QTest::newRow("same name in different case")
            << map({{"X-A", "1"}, {"x-a", "2"}}) << parameter
            << "header x-a is given twice (as X-A and x-a)" << QByteArrayList();
    QTest::newRow("same name, three spellings")
            << map({{"x-a", "1"}, {"X-a", "2"}, {"X-A", "3"}}) << parameter
            << "header X-a is given twice" << QByteArrayList();

    const QString notString = QStringLiteral("header value of X-A must be a string");
    QTest::newRow("number value") << map({{"X-A", 1}}) << parameter << notString
                                  << QByteArrayList();
    QTest::newRow("double value") << map({{"X-A", 1.5}}) << parameter << notString
                                  << QByteArrayList();
    QTest::newRow("bool value") << map({{"X-A", true}}) << parameter << notString
                                << QByteArrayList();
    QTest::newRow("null value") << map({{"X-A", null}}) << parameter << notString
                                << QByteArrayList();
    QTest::newRow("undefined value")
            << map({{"X-A", absent}}) << parameter << notString << QByteArrayList();
    QTest::newRow("array value") << map({{"X-A", list({"1"})}}) << parameter << notString
                                 << QByteArrayList();
    QTest::newRow("object value") << map({{"X-A", map({})}}) << parameter << notString
                                  << QByteArrayList();
}

void TestValidation::validateHeaders()
{
    QFETCH(QVariant, header);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(QString, expectedReason);
    QFETCH(QByteArrayList, expectedHeaders);

    HeaderList headers {{"Stale", "1"}};
    const Outcome outcome = Validation::validateHeaders(header, &headers);
    verifyOutcome(outcome, expectedClass, expectedReason);
    QByteArrayList lines;
    for (const auto &[name, value] : headers)
        lines.append(name + ": " + value);
    QCOMPARE(lines, expectedHeaders);
}

void TestValidation::validateProtocols_data()
{
    QTest::addColumn<QVariant>("protocols");
    QTest::addColumn<ErrorClass>("expectedClass");
    QTest::addColumn<QString>("expectedReason");
    QTest::addColumn<QStringList>("expectedProtocols");

    const auto ok = ErrorClass::None;
    const auto parameter = ErrorClass::Parameter;
    const auto url = ErrorClass::Url;

    QTest::newRow("absent") << absent << ok << QString() << QStringList();
    QTest::newRow("null") << null << ok << QString() << QStringList();
    QTest::newRow("empty array") << QVariant(QVariantList()) << ok << QString() << QStringList();
    QTest::newRow("one") << list({"chat"}) << ok << QString() << QStringList {"chat"};
    QTest::newRow("two, order kept") << list({"v2.chat", "v1.chat"}) << ok << QString()
                                     << QStringList {"v2.chat", "v1.chat"};
    QTest::newRow("string list") << QVariant(QStringList {"a", "b"}) << ok << QString()
                                 << QStringList {"a", "b"};
    QTest::newRow("differ only in case")
            << list({"chat", "Chat"}) << ok << QString() << QStringList {"chat", "Chat"};

    const QString notArray = QStringLiteral("protocols must be an array of strings");
    QTest::newRow("string") << QVariant("chat") << parameter << notArray << QStringList();
    QTest::newRow("number") << QVariant(1) << parameter << notArray << QStringList();
    QTest::newRow("object") << map({{"0", "chat"}}) << parameter << notArray << QStringList();
    QTest::newRow("bool") << QVariant(true) << parameter << notArray << QStringList();

    QTest::newRow("number entry") << list({"chat", 42}) << url << "protocols[1] is not a string"
                                  << QStringList();
    QTest::newRow("null entry") << list({null}) << url << "protocols[0] is not a string"
                                << QStringList();
    QTest::newRow("empty entry") << list({""}) << url << "protocol \"\" is not an HTTP token"
                                 << QStringList();
    QTest::newRow("entry with space")
            << list({"a b"}) << url << "protocol \"a b\" is not an HTTP token" << QStringList();
    QTest::newRow("entry with comma")
            << list({"a,b"}) << url << "protocol \"a,b\" is not an HTTP token" << QStringList();
    QTest::newRow("entry with CRLF")
            << list({"a\r\nX-Evil: 1"}) << url << "protocol \"a\r\nX-Evil: 1\" is not an HTTP token"
            << QStringList();
    QTest::newRow("non-ASCII entry")
            << list({text(u"协议")}) << url << text(u"protocol \"协议\" is not an HTTP token")
            << QStringList();
    QTest::newRow("duplicate") << list({"chat", "x", "chat"}) << url
                               << "protocol \"chat\" is given twice" << QStringList();
}

void TestValidation::validateProtocols()
{
    QFETCH(QVariant, protocols);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(QString, expectedReason);
    QFETCH(QStringList, expectedProtocols);

    QStringList validated {QStringLiteral("stale")};
    const Outcome outcome = Validation::validateProtocols(protocols, &validated);
    verifyOutcome(outcome, expectedClass, expectedReason);
    QCOMPARE(validated, expectedProtocols);
}

void TestValidation::validateCloseCode_data()
{
    QTest::addColumn<QVariant>("code");
    QTest::addColumn<ErrorClass>("expectedClass");
    QTest::addColumn<QString>("expectedReason");
    QTest::addColumn<int>("expectedCode");

    const auto ok = ErrorClass::None;
    const auto parameter = ErrorClass::Parameter;
    const auto neither = [](const char *value) {
        return QStringLiteral("The code must be either 1000, or between 3000 and 4999. %1 is "
                              "neither.")
                .arg(QLatin1String(value));
    };
    const double infinity = std::numeric_limits<double>::infinity();

    QTest::newRow("absent") << absent << ok << QString() << 1000;
    QTest::newRow("null") << null << ok << QString() << 1000;
    QTest::newRow("1000") << QVariant(1000) << ok << QString() << 1000;
    QTest::newRow("3000") << QVariant(3000) << ok << QString() << 3000;
    QTest::newRow("4000") << QVariant(4000) << ok << QString() << 4000;
    QTest::newRow("4999") << QVariant(4999) << ok << QString() << 4999;
    QTest::newRow("3000.0") << QVariant(3000.0) << ok << QString() << 3000;
    QTest::newRow("qlonglong 4999") << QVariant(qlonglong(4999)) << ok << QString() << 4999;
    QTest::newRow("uint 3000") << QVariant(3000u) << ok << QString() << 3000;
    QTest::newRow("string 3000") << QVariant("3000") << ok << QString() << 3000;
    QTest::newRow("string 1000") << QVariant("1000") << ok << QString() << 1000;
    QTest::newRow("string 04000") << QVariant("04000") << ok << QString() << 4000;

    QTest::newRow("999") << QVariant(999) << parameter << neither("999") << 0;
    QTest::newRow("1001") << QVariant(1001) << parameter << neither("1001") << 0;
    QTest::newRow("1005") << QVariant(1005) << parameter << neither("1005") << 0;
    QTest::newRow("2999") << QVariant(2999) << parameter << neither("2999") << 0;
    QTest::newRow("5000") << QVariant(5000) << parameter << neither("5000") << 0;
    QTest::newRow("0") << QVariant(0) << parameter << neither("0") << 0;
    QTest::newRow("-1000") << QVariant(-1000) << parameter << neither("-1000") << 0;
    QTest::newRow("65536 + 1000") << QVariant(66536) << parameter << neither("66536") << 0;
    QTest::newRow("1000.5") << QVariant(1000.5) << parameter << neither("1000.5") << 0;
    QTest::newRow("3000.25") << QVariant(3000.25) << parameter << neither("3000.25") << 0;
    QTest::newRow("1e300") << QVariant(1e300) << parameter << neither("1e+300") << 0;
    QTest::newRow("NaN") << QVariant(std::nan("")) << parameter << neither("NaN") << 0;
    QTest::newRow("infinity") << QVariant(infinity) << parameter << neither("Infinity") << 0;
    QTest::newRow("-infinity") << QVariant(-infinity) << parameter << neither("-Infinity") << 0;
    QTest::newRow("qlonglong 2^32 + 1000")
            << QVariant(qlonglong(4294968296)) << parameter << neither("4294968296") << 0;
    QTest::newRow("string 30a0") << QVariant("30a0") << parameter << neither("30a0") << 0;
    QTest::newRow("string empty") << QVariant("") << parameter << neither("") << 0;
    QTest::newRow("string 999") << QVariant("999") << parameter << neither("999") << 0;
    QTest::newRow("string with space") << QVariant(" 3000") << parameter << neither(" 3000") << 0;
    QTest::newRow("string fraction") << QVariant("3000.5") << parameter << neither("3000.5") << 0;
    QTest::newRow("string negative") << QVariant("-3000") << parameter << neither("-3000") << 0;
    QTest::newRow("string huge") << QVariant("99999999999999999999") << parameter
                                 << neither("99999999999999999999") << 0;
    QTest::newRow("string fullwidth digits")
            << QVariant(text(u"３０００")) << parameter << "The code must be either 1000" << 0;

    const QString notNumber = QStringLiteral("code must be a number");
    QTest::newRow("true") << QVariant(true) << parameter << notNumber << 0;
    QTest::newRow("false") << QVariant(false) << parameter << notNumber << 0;
    QTest::newRow("array") << list({1000}) << parameter << notNumber << 0;
    QTest::newRow("object") << map({{"code", 1000}}) << parameter << notNumber << 0;
}

void TestValidation::validateCloseCode()
{
    QFETCH(QVariant, code);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(QString, expectedReason);
    QFETCH(int, expectedCode);

    int validated = -1;
    const Outcome outcome = Validation::validateCloseCode(code, &validated);
    verifyOutcome(outcome, expectedClass, expectedReason);
    if (outcome.ok())
        QCOMPARE(validated, expectedCode);
    else
        QCOMPARE(validated, -1);
}

void TestValidation::validateCloseReason_data()
{
    QTest::addColumn<QVariant>("reason");
    QTest::addColumn<ErrorClass>("expectedClass");
    QTest::addColumn<QString>("expectedReason");
    QTest::addColumn<QString>("expectedText");

    const auto ok = ErrorClass::None;
    const auto parameter = ErrorClass::Parameter;
    const QString tooLong = QStringLiteral("The message must not be greater than 123 bytes.");
    const QString cjk = text(u"例"); // 3 bytes of UTF-8
    const QString emoji = text(u"😀"); // 4 bytes of UTF-8, 2 UTF-16 units

    QTest::newRow("absent") << absent << ok << QString() << QString();
    QTest::newRow("null") << null << ok << QString() << QString();
    QTest::newRow("empty") << QVariant("") << ok << QString() << QString();
    QTest::newRow("bye") << QVariant("bye") << ok << QString() << "bye";
    QTest::newRow("123 ASCII") << QVariant(QString(123, u'a')) << ok << QString()
                               << QString(123, u'a');
    QTest::newRow("124 ASCII") << QVariant(QString(124, u'a')) << parameter << tooLong << QString();
    QTest::newRow("41 CJK = 123 bytes")
            << QVariant(cjk.repeated(41)) << ok << QString() << cjk.repeated(41);
    QTest::newRow("42 CJK = 126 bytes")
            << QVariant(cjk.repeated(42)) << parameter << tooLong << QString();
    QTest::newRow("40 CJK + 4 ASCII = 124 bytes")
            << QVariant(cjk.repeated(40) + QStringLiteral("abcd")) << parameter << tooLong
            << QString();
    QTest::newRow("30 emoji = 120 bytes")
            << QVariant(emoji.repeated(30)) << ok << QString() << emoji.repeated(30);
    QTest::newRow("31 emoji = 124 bytes")
            << QVariant(emoji.repeated(31)) << parameter << tooLong << QString();
    QTest::newRow("30 emoji + 3 ASCII = 123 bytes")
            << QVariant(emoji.repeated(30) + QStringLiteral("abc")) << ok << QString()
            << emoji.repeated(30) + QStringLiteral("abc");

    const QString badUtf16 = QStringLiteral("reason must be valid UTF-16 text");
    QTest::newRow("lone high surrogate")
            << QVariant(withChar("a", 0xd83d, "b")) << parameter << badUtf16 << QString();
    QTest::newRow("lone low surrogate")
            << QVariant(withChar("a", 0xde00, "")) << parameter << badUtf16 << QString();

    const QString notString = QStringLiteral("reason must be a string");
    QTest::newRow("number") << QVariant(42) << parameter << notString << QString();
    QTest::newRow("bool") << QVariant(true) << parameter << notString << QString();
    QTest::newRow("bytes") << QVariant(QByteArray("bye")) << parameter << notString << QString();
    QTest::newRow("array") << list({"bye"}) << parameter << notString << QString();
}

void TestValidation::validateCloseReason()
{
    QFETCH(QVariant, reason);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(QString, expectedReason);
    QFETCH(QString, expectedText);

    QString validated = QStringLiteral("stale");
    const Outcome outcome = Validation::validateCloseReason(reason, &validated);
    verifyOutcome(outcome, expectedClass, expectedReason);
    if (outcome.ok())
        QCOMPARE(validated, expectedText);
}

void TestValidation::validateTimeout_data()
{
    QTest::addColumn<QVariant>("timeout");
    QTest::addColumn<ErrorClass>("expectedClass");
    QTest::addColumn<int>("expectedMs");

    const auto ok = ErrorClass::None;
    const auto parameter = ErrorClass::Parameter;
    const int intMax = std::numeric_limits<int>::max();
    const double infinity = std::numeric_limits<double>::infinity();

    // The default passed in is 60000 in every row.
    QTest::newRow("absent") << absent << ok << 60000;
    QTest::newRow("null") << null << ok << 60000;
    QTest::newRow("1") << QVariant(1) << ok << 1;
    QTest::newRow("5000") << QVariant(5000) << ok << 5000;
    QTest::newRow("double 5000") << QVariant(5000.0) << ok << 5000;
    QTest::newRow("fraction truncates") << QVariant(1500.9) << ok << 1500;
    QTest::newRow("1.5") << QVariant(1.5) << ok << 1;
    QTest::newRow("qlonglong") << QVariant(qlonglong(30000)) << ok << 30000;
    QTest::newRow("2^31 - 1") << QVariant(intMax) << ok << intMax;
    QTest::newRow("2^31 - 0.5") << QVariant(2147483647.5) << ok << intMax;

    QTest::newRow("0") << QVariant(0) << parameter << 0;
    QTest::newRow("0.5") << QVariant(0.5) << parameter << 0;
    QTest::newRow("-1") << QVariant(-1) << parameter << 0;
    QTest::newRow("-0.5") << QVariant(-0.5) << parameter << 0;
    QTest::newRow("2^31") << QVariant(2147483648.0) << parameter << 0;
    QTest::newRow("qlonglong 2^31") << QVariant(qlonglong(2147483648LL)) << parameter << 0;
    QTest::newRow("NaN") << QVariant(std::nan("")) << parameter << 0;
    QTest::newRow("infinity") << QVariant(infinity) << parameter << 0;
    QTest::newRow("-infinity") << QVariant(-infinity) << parameter << 0;
    QTest::newRow("string") << QVariant("5000") << parameter << 0;
    QTest::newRow("bool") << QVariant(true) << parameter << 0;
    QTest::newRow("array") << list({5000}) << parameter << 0;
}

void TestValidation::validateTimeout()
{
    QFETCH(QVariant, timeout);
    QFETCH(ErrorClass, expectedClass);
    QFETCH(int, expectedMs);

    int validated = -1;
    const Outcome outcome = Validation::validateTimeout(timeout, 60000, &validated);
    verifyOutcome(outcome, expectedClass,
                  expectedClass == ErrorClass::None
                          ? QString()
                          : QStringLiteral("timeout must be a positive number of milliseconds"));
    QCOMPARE(validated, outcome.ok() ? expectedMs : -1);
}

void TestValidation::connectToParse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("fromHost");
    QTest::addColumn<int>("fromPort");
    QTest::addColumn<QString>("toHost");
    QTest::addColumn<int>("toPort");

    QTest::newRow("full") << "example.baidu.com:443:127.0.0.1:8443" << true << "example.baidu.com"
                          << 443 << "127.0.0.1" << 8443;
    QTest::newRow("any host and port") << "::127.0.0.1:" << true << "" << -1 << "127.0.0.1" << -1;
    QTest::newRow("space in host") << "h x:1:y:2" << false << "" << -1 << "" << -1;
    QTest::newRow("userinfo in host") << "a@h:1:y:2" << false << "" << -1 << "" << -1;
    QTest::newRow("IPv6 both sides")
            << "[::1]:443:[::1]:9000" << true << "::1" << 443 << "::1" << 9000;
    QTest::newRow("from host lower-cased")
            << "Example.COM:443:h:1" << true << "example.com" << 443 << "h" << 1;
    QTest::newRow("port only") << "example.com:443::8443" << true << "example.com" << 443 << ""
                               << 8443;
    QTest::newRow("all empty") << ":::" << true << "" << -1 << "" << -1;
    QTest::newRow("surrounding spaces") << " h:443:x:1 " << true << "h" << 443 << "x" << 1;
    QTest::newRow("port 65535") << "h:65535:x:65535" << true << "h" << 65535 << "x" << 65535;

    QTest::newRow("three parts") << "a:b:c" << false << "" << -1 << "" << -1;
    QTest::newRow("three parts, numeric") << "h:443:x" << false << "" << -1 << "" << -1;
    QTest::newRow("five parts") << "h:443:x:1:2" << false << "" << -1 << "" << -1;
    QTest::newRow("empty") << "" << false << "" << -1 << "" << -1;
    QTest::newRow("port too big") << "h:99999:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("to port too big") << "h:1:x:65536" << false << "" << -1 << "" << -1;
    QTest::newRow("port 0") << "h:0:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("negative port") << "h:-1:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("port not a number") << "h:4x3:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("unbracketed IPv6") << "::1:443:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("unclosed bracket") << "[::1:443:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("bracket with non-hex") << "[zz]:443:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("bracketed IPv4") << "[1.2.3.4]:443:x:1" << false << "" << -1 << "" << -1;
    QTest::newRow("bracketed hex word") << "[cafe]:443:x:1" << false << "" << -1 << "" << -1;
}

void TestValidation::connectToParse()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, fromHost);
    QFETCH(int, fromPort);
    QFETCH(QString, toHost);
    QFETCH(int, toPort);

    const std::optional<ConnectToRule> rule = ConnectToRule::parse(spec);
    QCOMPARE(rule.has_value(), valid);
    if (!valid || !rule)
        return;
    QCOMPARE(rule->fromHost, fromHost);
    QCOMPARE(rule->fromPort, fromPort);
    QCOMPARE(rule->toHost, toHost);
    QCOMPARE(rule->toPort, toPort);
}

void TestValidation::connectToMatches_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QString>("targetHost");
    QTest::addColumn<int>("targetPort");

    const QString full = QStringLiteral("example.baidu.com:443:127.0.0.1:8443");
    QTest::newRow("full, same") << full << "example.baidu.com" << 443 << true << "127.0.0.1"
                                << 8443;
    QTest::newRow("full, host case")
            << full << "EXAMPLE.baidu.com" << 443 << true << "127.0.0.1" << 8443;
    QTest::newRow("full, other port")
            << full << "example.baidu.com" << 80 << false << "127.0.0.1" << 8443;
    QTest::newRow("full, other host") << full << "other.com" << 443 << false << "127.0.0.1" << 8443;
    QTest::newRow("full, subdomain")
            << full << "a.example.baidu.com" << 443 << false << "127.0.0.1" << 8443;
    QTest::newRow("full, suffix") << full << "example.baidu.com.evil" << 443 << false << "127.0.0.1"
                                  << 8443;
    QTest::newRow("any, keeps port") << "::127.0.0.1:"
                                     << "any.host" << 1234 << true << "127.0.0.1" << 1234;
    QTest::newRow("port only, keeps host") << "h:443::8443"
                                           << "h" << 443 << true << "h" << 8443;
    QTest::newRow("IPv6") << "[::1]:443:[::1]:9000"
                          << "::1" << 443 << true << "::1" << 9000;
    QTest::newRow("IPv6, other port") << "[::1]:443:[::1]:9000"
                                      << "::1" << 80 << false << "::1" << 9000;
    // Hosts as normalizeUrl() hands them on: the ACE and canonical forms.
    QTest::newRow("IDN rule, ACE host") << text(u"例子.cn:443:127.0.0.1:1") << "xn--fsqu00a.cn"
                                        << 443 << true << "127.0.0.1" << 1;
    QTest::newRow("IPv6 long form rule") << "[0:0:0:0:0:0:0:1]:443:x:1"
                                         << "::1" << 443 << true << "x" << 1;
}

void TestValidation::connectToMatches()
{
    QFETCH(QString, spec);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, matches);
    QFETCH(QString, targetHost);
    QFETCH(int, targetPort);

    const std::optional<ConnectToRule> rule = ConnectToRule::parse(spec);
    QVERIFY(rule);
    QCOMPARE(rule->matches(host, port), matches);
    QCOMPARE(rule->targetHost(host), targetHost);
    QCOMPARE(rule->targetPort(port), targetPort);
}

QTEST_APPLESS_MAIN(TestValidation)

#include "tst_validation.moc"
