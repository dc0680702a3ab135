#pragma once

#include <QString>

namespace SwanSocket::PayloadSize {

/// Bytes of @p text in UTF-8, counted without converting it (recording must stay cheap: the
/// loop has no branches, so compilers vectorise it). Each UTF-16 surrogate counts 2 bytes, so a
/// pair makes the 4 of its code point; only invalid text (a lone surrogate) is off by one.
inline qint64 utf8(const QString &text)
{
    qint64 size = 0;
    const char16_t *const units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype count = text.size();
    for (qsizetype i = 0; i < count; ++i) {
        const char16_t c = units[i];
        size += 1 + (c >= 0x80) + (c >= 0x800) - ((c & 0xf800) == 0xd800);
    }
    return size;
}

/// A close frame's payload: the 2-byte code (when there is one) and the reason in UTF-8.
inline qint64 close(int code, const QString &reason) { return (code ? 2 : 0) + utf8(reason); }

} // namespace SwanSocket::PayloadSize
