#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace SwanTest {

namespace {

// Our own config, so that neither the system's openssl.cnf nor OPENSSL_CONF changes what we get.
// `openssl ca` (not `x509 -req`) signs, because in OpenSSL 3.0 only it can backdate a certificate
// (-startdate/-enddate), which the Expired kind needs; `x509 -not_after` came in 3.4.
const char opensslConfig[] = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder

[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = DNS:localhost, DNS:example.baidu.com, DNS:echo.test, IP:127.0.0.1, IP:::1

[wrong_host_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = DNS:wrong.test

[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = issued
serial = serial
default_md = sha256
policy = any_name
copy_extensions = none
unique_subject = no
[any_name]
commonName = supplied
)";

const QStringList ecKey
        = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-noenc")};

QString baseName(TestCertificates::Kind kind)
{
    switch (kind) {
    case TestCertificates::Kind::Valid:
        return QStringLiteral("server");
    case TestCertificates::Kind::Untrusted:
        return QStringLiteral("untrusted");
    case TestCertificates::Kind::Expired:
        return QStringLiteral("expired");
    case TestCertificates::Kind::WrongHost:
        return QStringLiteral("wronghost");
    }
    return {};
}

const TestCertificates::Kind allKinds[] = {
        TestCertificates::Kind::Valid,
        TestCertificates::Kind::Untrusted,
        TestCertificates::Kind::Expired,
        TestCertificates::Kind::WrongHost,
};

} // namespace

struct TestCertificates::Data
{
    QTemporaryDir directory {QDir::tempPath() + QStringLiteral("/swantest-certs-XXXXXX")};
    QString openssl;
    QString error;
    QSslCertificate ca;
    QHash<int, QSslCertificate> certificates;
    QHash<int, QSslKey> keys;

    QString path(const QString &name) const { return directory.filePath(name); }

    bool run(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(directory.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl, arguments);
        const bool finished = process.waitForFinished(30000);
        if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return true;
        error = QStringLiteral("`openssl %1` failed (%2): %3")
                        .arg(arguments.join(QLatin1Char(' ')),
                             finished ? QStringLiteral("exit code %1").arg(process.exitCode())
                                      : process.errorString(),
                             QString::fromLocal8Bit(process.readAll()));
        return false;
    }

    bool writeFile(const QString &name, const QByteArray &contents)
    {
        QFile file(path(name));
        if (file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size())
            return true;
        error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }

    QByteArray readFile(const QString &name)
    {
        QFile file(path(name));
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
            return {};
        }
        return file.readAll();
    }

    // A CSR for CN=localhost signed by the CA with the given extension section and dates.
    bool issue(const QString &name, const QString &extensions, const QStringList &validity)
    {
        const QString cn = name == QLatin1String("wronghost") ? QStringLiteral("/CN=wrong.test")
                                                              : QStringLiteral("/CN=localhost");
        return run(QStringList {QStringLiteral("req"), QStringLiteral("-config"),
                                QStringLiteral("openssl.cnf"), QStringLiteral("-new")}
                   + ecKey
                   + QStringList {QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                  QStringLiteral("-subj"), cn, QStringLiteral("-out"),
                                  name + QStringLiteral(".csr")})
                && run(QStringList {QStringLiteral("ca"), QStringLiteral("-config"),
                                    QStringLiteral("openssl.cnf"), QStringLiteral("-batch"),
                                    QStringLiteral("-notext"), QStringLiteral("-cert"),
                                    QStringLiteral("ca.pem"), QStringLiteral("-keyfile"),
                                    QStringLiteral("ca.key"), QStringLiteral("-extfile"),
                                    QStringLiteral("openssl.cnf"), QStringLiteral("-extensions"),
                                    extensions, QStringLiteral("-in"),
                                    name + QStringLiteral(".csr"), QStringLiteral("-out"),
                                    name + QStringLiteral(".pem")}
                       + validity);
    }

    bool make()
    {
        if (!directory.isValid()) {
            error = QStringLiteral("cannot create a temporary directory: %1")
                            .arg(directory.errorString());
            return false;
        }
        openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            error = QStringLiteral("the openssl command is missing: apt-get install openssl");
            return false;
        }
        const QStringList days = {QStringLiteral("-days"), QStringLiteral("825")};
        const bool made = writeFile(QStringLiteral("openssl.cnf"), opensslConfig)
                && writeFile(QStringLiteral("index.txt"), {})
                && writeFile(QStringLiteral("serial"), "1000\n")
                && QDir(directory.path()).mkdir(QStringLiteral("issued"))
                && run(QStringList {QStringLiteral("req"), QStringLiteral("-config"),
                                    QStringLiteral("openssl.cnf"), QStringLiteral("-x509")}
                       + ecKey
                       + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                      QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                      QStringLiteral("-subj"),
                                      QStringLiteral("/CN=SwanSocket Test CA"),
                                      QStringLiteral("-extensions"), QStringLiteral("ca_ext"),
                                      QStringLiteral("-days"), QStringLiteral("3650")})
                && issue(QStringLiteral("server"), QStringLiteral("server_ext"), days)
                && issue(QStringLiteral("expired"), QStringLiteral("server_ext"),
                         {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                          QStringLiteral("-enddate"), QStringLiteral("20200201000000Z")})
                && issue(QStringLiteral("wronghost"), QStringLiteral("wrong_host_ext"), days)
                && run(QStringList {QStringLiteral("req"), QStringLiteral("-config"),
                                    QStringLiteral("openssl.cnf"), QStringLiteral("-x509")}
                       + ecKey
                       + QStringList {QStringLiteral("-keyout"), QStringLiteral("untrusted.key"),
                                      QStringLiteral("-out"), QStringLiteral("untrusted.pem"),
                                      QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                      QStringLiteral("-extensions"), QStringLiteral("server_ext")}
                       + days);
        if (!made)
            return false;

        const auto caList = QSslCertificate::fromData(readFile(QStringLiteral("ca.pem")));
        if (caList.size() != 1) {
            error = QStringLiteral("ca.pem holds no certificate");
            return false;
        }
        ca = caList.first();
        for (const Kind kind : allKinds) {
            const QString name = baseName(kind);
            const auto server = QSslCertificate::fromData(readFile(name + QStringLiteral(".pem")));
            const QSslKey key(readFile(name + QStringLiteral(".key")), QSsl::Ec, QSsl::Pem);
            if (server.size() != 1 || key.isNull()) {
                error = QStringLiteral("Qt cannot read %1.pem or %1.key").arg(name);
                return false;
            }
            certificates.insert(int(kind), server.first());
            keys.insert(int(kind), key);
        }
        return true;
    }
};

TestCertificates &TestCertificates::instance()
{
    static TestCertificates certificates;
    return certificates;
}

TestCertificates::TestCertificates() : d(new Data)
{
    if (!d->make() && d->error.isEmpty())
        d->error = QStringLiteral("unknown failure");
}

TestCertificates::~TestCertificates() = default;

bool TestCertificates::isValid() const { return d->error.isEmpty(); }

QString TestCertificates::errorString() const { return d->error; }

QString TestCertificates::directory() const { return d->directory.path(); }

QString TestCertificates::caCertificatePath() const { return d->path(QStringLiteral("ca.pem")); }

QSslCertificate TestCertificates::caCertificate() const { return d->ca; }

QString TestCertificates::serverCertPath(Kind kind) const
{
    return d->path(baseName(kind) + QStringLiteral(".pem"));
}

QString TestCertificates::serverKeyPath(Kind kind) const
{
    return d->path(baseName(kind) + QStringLiteral(".key"));
}

QSslCertificate TestCertificates::serverCertificate(Kind kind) const
{
    return d->certificates.value(int(kind));
}

QSslConfiguration TestCertificates::serverConfiguration(Kind kind) const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(d->certificates.value(int(kind)));
    configuration.setPrivateKey(d->keys.value(int(kind)));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QSslConfiguration TestCertificates::clientConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(d->ca);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

QString TestCertificates::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Valid:
        return QStringLiteral("valid");
    case Kind::Untrusted:
        return QStringLiteral("untrusted");
    case Kind::Expired:
        return QStringLiteral("expired");
    case Kind::WrongHost:
        return QStringLiteral("wrong-host");
    }
    return {};
}

} // namespace SwanTest
