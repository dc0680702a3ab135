// The other option checks: protocols, close code and reason, timeout. Input: a selector byte,
// then text. Invariants: what passes is what goes on the wire unchanged and is within limits.
#include <SwanSocket/validation.h>

#include "fuzzcheck.h"

#include <QStringList>
#include <QVariantList>

#include <cmath>
#include <cstring>

using namespace SwanSocket;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);

    // protocols: an array of the NUL-separated entries
    {
        QVariantList entries;
        for (const QByteArray &entry : bytes.split('\0'))
            entries.append(QString::fromUtf8(entry));
        QStringList protocols;
        const Outcome outcome = Validation::validateProtocols(entries, &protocols);
        if (outcome.ok()) {
            SWAN_FUZZ_CHECK(protocols.size() == entries.size(), "every protocol kept");
            SWAN_FUZZ_CHECK(protocols.removeDuplicates() == 0, "no duplicates");
            for (const QString &protocol : protocols)
                SWAN_FUZZ_CHECK(Validation::isHttpToken(protocol), "protocols are tokens");
        } else {
            SWAN_FUZZ_CHECK(protocols.isEmpty(), "nothing half-validated");
        }
    }

    // close code: as a string, and as a number made of the first 8 bytes
    {
        int code = 0;
        if (Validation::validateCloseCode(text, &code).ok())
            SWAN_FUZZ_CHECK(code == 1000 || (code >= 3000 && code <= 4999), "string close code");
        double number = 0;
        std::memcpy(&number, bytes.leftJustified(sizeof number, '\0').constData(), sizeof number);
        // As a script's number: a double, or (when whole and in range) an integer.
        const bool integral = std::isfinite(number) && std::fabs(number) < 9e18;
        const QVariant numeric
                = selector & 1 || !integral ? QVariant(number) : QVariant(qint64(number));
        if (Validation::validateCloseCode(numeric, &code).ok())
            SWAN_FUZZ_CHECK(code == 1000 || (code >= 3000 && code <= 4999), "number close code");
        int timeout = 0;
        if (Validation::validateTimeout(numeric, 60000, &timeout).ok())
            SWAN_FUZZ_CHECK(timeout >= 1, "a positive timeout");
    }

    // close reason: at most 123 bytes of UTF-8, unchanged
    {
        QString reason;
        if (Validation::validateCloseReason(text, &reason).ok()) {
            SWAN_FUZZ_CHECK(reason.toUtf8().size() <= 123, "a reason fits a close frame");
            SWAN_FUZZ_CHECK(reason == text, "the reason is not altered");
        }
    }
    return 0;
}
