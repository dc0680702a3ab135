#pragma once

#include <QString>

#include <algorithm>

namespace SwanSocket::PayloadSize {

/// Bytes of @p text in UTF-8, counted without converting it (recording must stay cheap). Each
/// UTF-16 surrogate counts 2 bytes, so a pair makes the 4 of its code point; only invalid text
/// (a lone surrogate) is off by one.
inline qint64 utf8(const QString &text)
{
    const char16_t *const units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype count = text.size();
    // Most messages are ASCII: one OR per unit (compilers vectorise it) settles them.
    char16_t all = 0;
    for (qsizetype i = 0; i < count; ++i)
        all |= units[i];
    if (all < 0x80)
        return count;
    // A unit adds 0, 1 or 2 bytes beyond its first. Summed in 16 bits per block (16384 units add
    // at most 32768), the loop has no branches and vectorises 8 units per step.
    constexpr qsizetype Block = 16384;
    qint64 size = count;
    for (qsizetype start = 0; start < count; start += Block) {
        const qsizetype end = std::min(count, start + Block);
        quint16 extra = 0;
        for (qsizetype i = start; i < end; ++i) {
            const char16_t c = units[i];
            extra += (c >= 0x80) + (c >= 0x800) - ((c & 0xf800) == 0xd800);
        }
        size += extra;
    }
    return size;
}

/// A close frame's payload: the 2-byte code (when there is one) and the reason in UTF-8.
inline qint64 close(int code, const QString &reason) { return (code ? 2 : 0) + utf8(reason); }

} // namespace SwanSocket::PayloadSize
