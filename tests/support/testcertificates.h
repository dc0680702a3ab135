#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include <memory>

namespace SwanTest {

/**
 * Throw-away certificates, made once per process with the `openssl` command line in a
 * temporary directory that is removed at exit: a CA and server certificates of every Kind.
 * Every server certificate but WrongHost carries the SANs DNS:localhost, DNS:example.baidu.com,
 * DNS:echo.test, IP:127.0.0.1 and IP:::1. Keys are EC P-256, PEM, unencrypted.
 *
 *     QVERIFY2(TestCertificates::instance().isValid(),
 *              qPrintable(TestCertificates::instance().errorString()));
 */
class TestCertificates
{
public:
    enum class Kind {
        Valid, ///< signed by the CA, valid now
        Untrusted, ///< self-signed: fails verification even when the CA is trusted
        Expired, ///< signed by the CA, valid only in January 2020
        WrongHost, ///< signed by the CA, valid now, but only for DNS:wrong.test
    };

    /// The process-wide set; made on first use (takes well under a second).
    static TestCertificates &instance();
    ~TestCertificates();

    bool isValid() const;
    /// Why the certificates could not be made (the failing openssl command and its output).
    QString errorString() const;

    QString directory() const;
    QString caCertificatePath() const;
    QSslCertificate caCertificate() const;

    QString serverCertPath(Kind kind = Kind::Valid) const;
    QString serverKeyPath(Kind kind = Kind::Valid) const;
    QSslCertificate serverCertificate(Kind kind = Kind::Valid) const;

    /// Local certificate and key of @p kind, TLS 1.2 or later, no client certificates asked.
    QSslConfiguration serverConfiguration(Kind kind = Kind::Valid) const;
    /// The default client configuration plus the test CA, peers verified: what a plain
    /// QWebSocket needs to reach our servers.
    QSslConfiguration clientConfiguration() const;

    static QString kindName(Kind kind);

private:
    TestCertificates();
    Q_DISABLE_COPY(TestCertificates)

    struct Data;
    std::unique_ptr<Data> const d;
};

} // namespace SwanTest
