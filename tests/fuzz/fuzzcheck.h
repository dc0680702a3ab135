#pragma once

// Shared by the fuzz targets: a failed invariant aborts with a message libFuzzer keeps.
#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

#define SWAN_FUZZ_CHECK(condition, what)                                                           \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", what, __FILE__, __LINE__);      \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace SwanFuzz {

/// Splits the input at its first NUL bytes into up to @p count fields (missing ones empty).
inline QList<QByteArray> fields(const uint8_t *data, size_t size, int count)
{
    QList<QByteArray> parts
            = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    while (parts.size() > count) {
        parts[count - 1] += '\0' + parts.takeLast(); // the last field keeps its NULs
    }
    while (parts.size() < count)
        parts.append(QByteArray());
    return parts;
}

} // namespace SwanFuzz
