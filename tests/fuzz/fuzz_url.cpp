// URL and allow-list matching: normalizeUrl, normalizeAllowedDomain, isHostAllowed and the
// --connect-to rules. Input: url NUL allow-list entry NUL connect-to spec.
#include <SwanSocket/connectto.h>
#include <SwanSocket/validation.h>

#include "fuzzcheck.h"

#include <QUrl>

using namespace SwanSocket;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = SwanFuzz::fields(data, size, 3);
    const QString urlText = QString::fromUtf8(parts.at(0));
    const QString entry = QString::fromUtf8(parts.at(1));

    for (const bool development : {false, true}) {
        QUrl url;
        const Outcome outcome = Validation::normalizeUrl(urlText, development, &url);
        if (!outcome.ok()) {
            SWAN_FUZZ_CHECK(!outcome.reason.isEmpty(), "a failure says why");
            SWAN_FUZZ_CHECK(outcome.errorClass == ErrorClass::Url
                                    || outcome.errorClass == ErrorClass::Parameter,
                            "url failures are url or parameter class");
            continue;
        }
        SWAN_FUZZ_CHECK(url.isValid() && !url.isRelative(), "a valid absolute url");
        SWAN_FUZZ_CHECK(url.scheme() == QLatin1String("wss")
                                || (development && url.scheme() == QLatin1String("ws")),
                        "wss, or ws with the development switch");
        SWAN_FUZZ_CHECK(!url.host(QUrl::FullyEncoded).isEmpty(), "a host");
        SWAN_FUZZ_CHECK(url.userInfo().isEmpty() && !url.hasFragment(), "no userinfo, no fragment");
        SWAN_FUZZ_CHECK(url.path().startsWith(QLatin1Char('/')), "the request path starts with /");
        SWAN_FUZZ_CHECK(url.port() != 0, "port 0 refused");
        const QByteArray encoded = url.toEncoded();
        SWAN_FUZZ_CHECK(!encoded.contains('\r') && !encoded.contains('\n')
                                && !encoded.contains('\0') && !encoded.contains(' '),
                        "nothing that could split the request line");

        // The allow-list: exact host match in normal form, never a suffix or a prefix.
        const QString host = url.host(QUrl::FullyEncoded).toLower();
        const QString normalizedEntry = Validation::normalizeAllowedDomain(entry);
        const bool allowed = Validation::isHostAllowed(url, {entry});
        SWAN_FUZZ_CHECK(allowed == (!normalizedEntry.isEmpty() && normalizedEntry == host),
                        "allowed exactly when the normalised entry is the host");
        SWAN_FUZZ_CHECK(Validation::isHostAllowed(url, {host}), "a host allows itself");
        SWAN_FUZZ_CHECK(!Validation::isHostAllowed(url, {QStringLiteral("x") + host})
                                && !Validation::isHostAllowed(url, {QStringLiteral("a.") + host}),
                        "no suffix match");
        SWAN_FUZZ_CHECK(!Validation::isHostAllowed(url, {}), "an empty list allows nothing");
    }

    const QString normalized = Validation::normalizeAllowedDomain(entry);
    if (!normalized.isEmpty()) {
        SWAN_FUZZ_CHECK(normalized == normalized.toLower(), "entries normalise to lower case");
        SWAN_FUZZ_CHECK(Validation::normalizeAllowedDomain(normalized) == normalized
                                || normalized.contains(QLatin1Char(':')),
                        "normalising twice changes nothing (IPv6 literals aside)");
        SWAN_FUZZ_CHECK(!normalized.contains(QLatin1Char('@'))
                                && !normalized.contains(QLatin1Char('*')),
                        "no userinfo, no wildcard");
    }

    if (const auto rule = ConnectToRule::parse(QString::fromUtf8(parts.at(2)))) {
        SWAN_FUZZ_CHECK(rule->fromPort == -1 || (rule->fromPort >= 1 && rule->fromPort <= 65535),
                        "from port in range");
        SWAN_FUZZ_CHECK(rule->toPort == -1 || (rule->toPort >= 1 && rule->toPort <= 65535),
                        "to port in range");
        rule->matches(entry, 443);
        SWAN_FUZZ_CHECK(rule->targetPort(443) >= 1, "a port to connect to");
    }
    return 0;
}
