#pragma once

#include <QIODevice>

#include <cstring>

namespace SwanTest {

/// A socket stand-in for code that reads a QIODevice: bytes become readable as the test
/// feeds them. Header-only, so that the fuzz targets can use it without the test support.
class BytePipe : public QIODevice
{
public:
    BytePipe() { open(QIODevice::ReadOnly | QIODevice::Unbuffered); }
    void feed(const QByteArray &bytes) { m_data += bytes; }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_data.size());
        std::memcpy(data, m_data.constData(), size_t(n));
        m_data.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
};

} // namespace SwanTest
