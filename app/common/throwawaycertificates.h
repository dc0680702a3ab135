#pragma once

#include <QString>
#include <QStringList>

/**
 * A throw-away CA and one server certificate signed by it (EC P-256), made with the openssl
 * command as ca.pem/ca.key and server.pem/server.key in a directory: for demos and benchmarks,
 * trusted only by whoever is handed ca.pem. (The tests make their own in tests/support, on
 * purpose independent of anything they test.)
 */
struct ThrowawayCertificates
{
    QString caName; ///< the CA's common name
    QString serverName; ///< the server certificate's common name
    QStringList altNames; ///< subjectAltName entries: "DNS:localhost", "IP:127.0.0.1"
    int days = 2;

    /// False, with @p error in openssl's own (English) words, when something failed.
    bool make(const QString &directory, QString *error) const;
};
