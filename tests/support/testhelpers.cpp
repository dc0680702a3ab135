#include "testhelpers.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>

namespace SwanTest {

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 9; // discard: not served on a test machine
    return probe.serverPort(); // closed again when probe goes
}

QString examplePath(const QString &name)
{
    QString root = qEnvironmentVariable("SWAN_SOURCE_DIR");
    if (root.isEmpty())
        root = QStringLiteral(SWAN_SOURCE_DIR);
    return root + QStringLiteral("/resources/examples/") + name;
}

QString readExample(const QString &name)
{
    QFile file(examplePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString exact(const QString &text)
{
    return QLatin1Char('^') + QRegularExpression::escape(text) + QLatin1Char('$');
}

bool allMatch(const QStringList &lines, const QStringList &patterns)
{
    if (lines.size() != patterns.size())
        return false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!QRegularExpression(patterns.at(i)).match(lines.at(i)).hasMatch())
            return false;
    }
    return true;
}

} // namespace SwanTest
