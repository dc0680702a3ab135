#pragma once

#include <QString>
#include <QStringList>

namespace SwanTest {

/// A loopback port nothing listens on: connections to it are refused.
quint16 closedPort();

/// Path of a shipped example script (resources/examples/NAME), via SWAN_SOURCE_DIR.
QString examplePath(const QString &name);
/// Its text, empty when unreadable.
QString readExample(const QString &name);

/// A regular expression matching exactly @p text.
QString exact(const QString &text);
/// Each line matches the regular expression at the same position; same count.
bool allMatch(const QStringList &lines, const QStringList &patterns);

} // namespace SwanTest
