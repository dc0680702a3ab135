#include "throwawaycertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

bool ThrowawayCertificates::make(const QString &directory, QString *error) const
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("the openssl command is missing (apt-get install openssl)");
        return false;
    }
    // Our own config: neither the system's openssl.cnf nor OPENSSL_CONF changes what we get.
    const QString config = QStringLiteral(R"([req]
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
authorityKeyIdentifier = keyid
subjectAltName = %1
)")
                                   .arg(altNames.join(QStringLiteral(", ")));
    const QDir dir(directory);
    QFile configFile(dir.filePath(QStringLiteral("openssl.cnf")));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(configFile.fileName());
        return false;
    }
    configFile.close();

    const QStringList ecKey {
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const QString cnf = configFile.fileName();
    const QString validity = QString::number(days);
    const QList<QStringList> commands {
            QStringList {QStringLiteral("req"), QStringLiteral("-config"), cnf,
                         QStringLiteral("-x509")}
                    + ecKey
                    + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                   QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=") + caName,
                                   QStringLiteral("-extensions"), QStringLiteral("ca_ext"),
                                   QStringLiteral("-days"), validity},
            QStringList {QStringLiteral("req"), QStringLiteral("-config"), cnf,
                         QStringLiteral("-new")}
                    + ecKey
                    + QStringList {QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                   QStringLiteral("-out"), QStringLiteral("server.csr"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=") + serverName},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-days"), validity, QStringLiteral("-extfile"), cnf,
             QStringLiteral("-extensions"), QStringLiteral("server_ext"), QStringLiteral("-out"),
             QStringLiteral("server.pem")},
    };
    for (const QStringList &arguments : commands) {
        QProcess process;
        process.setWorkingDirectory(directory);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OPENSSL_CONF"), cnf);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl, arguments);
        const bool finished = process.waitForFinished(30000);
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                             .arg(arguments.constFirst(),
                                  finished ? QString::fromLocal8Bit(process.readAll()).trimmed()
                                           : process.errorString());
            return false;
        }
    }
    return true;
}
