// connectSocket's `header` option: whatever passes validateHeaders() is safe to put on the
// wire (no request splitting, no reserved or duplicate names). Input: records separated by
// 0x1E, name and value by the first 0x1F; a record without 0x1F has a number as its value.
#include <SwanSocket/validation.h>

#include "fuzzcheck.h"

#include <QVariantMap>

using namespace SwanSocket;

namespace {

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alnum
                = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && !QByteArray("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // Records separated by 0x1E, name and value by the first 0x1F: every other byte, CR and LF
    // included, can be part of a name or value.
    QVariantMap header;
    for (const QByteArray &record : input.split('\x1e')) {
        const qsizetype separator = record.indexOf('\x1f');
        const QString name = QString::fromUtf8(separator < 0 ? record : record.left(separator));
        const QVariant value = separator < 0
                ? QVariant(qsizetype(record.size()))
                : QVariant(QString::fromUtf8(record.mid(separator + 1)));
        header.insert(name, value);
    }

    Validation::HeaderList headers;
    const Outcome outcome = Validation::validateHeaders(header, &headers);
    if (!outcome.ok()) {
        SWAN_FUZZ_CHECK(outcome.errorClass == ErrorClass::Parameter,
                        "header failures are parameter class");
        SWAN_FUZZ_CHECK(headers.isEmpty(), "nothing half-validated is returned");
        return 0;
    }
    SWAN_FUZZ_CHECK(headers.size() == header.size(), "every header kept");
    QSet<QByteArray> seen;
    for (const auto &[name, value] : headers) {
        SWAN_FUZZ_CHECK(isToken(name), "names are tokens");
        const QByteArray lower = name.toLower();
        SWAN_FUZZ_CHECK(lower != "referer" && lower != "host" && lower != "connection"
                                && lower != "upgrade" && lower != "origin"
                                && !lower.startsWith("sec-websocket-"),
                        "no reserved name");
        SWAN_FUZZ_CHECK(!seen.contains(lower), "no name twice");
        seen.insert(lower);
        SWAN_FUZZ_CHECK(!value.contains('\r') && !value.contains('\n') && !value.contains('\0'),
                        "no CR, LF or NUL in a value");
        SWAN_FUZZ_CHECK(!value.startsWith(' ') && !value.startsWith('\t') && !value.endsWith(' ')
                                && !value.endsWith('\t'),
                        "values trimmed");
    }
    return 0;
}
