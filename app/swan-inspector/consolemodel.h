#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>

/**
 * The console pane: what scripts print (console.log & co.), what they throw, and what the
 * inspector itself has to say, oldest first. Holds at most maxLines lines; older ones go.
 */
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Inspector owns the console")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// Lines of level Warn, Error or Exception among those held.
    Q_PROPERTY(int problemCount READ problemCount NOTIFY countChanged)

public:
    enum Level { Log, Info, Warn, Error, Debug, Exception, Inspector };
    Q_ENUM(Level)
    enum Role { TimeTextRole = Qt::UserRole + 1, LevelRole, SourceRole, TextRole };
    Q_ENUM(Role)

    static constexpr int MaxLines = 5000;

    explicit ConsoleModel(QObject *parent = nullptr);

    /// @p source names where it came from (a script's file name, or "" for the inspector).
    void append(Level level, const QString &source, const QString &text);
    int problemCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void clear();
    /// Every line as plain text, for the clipboard.
    Q_INVOKABLE QString toPlainText() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Line
    {
        QDateTime time;
        Level level;
        QString source;
        QString text;
    };
    static bool isProblem(Level level)
    {
        return level == Warn || level == Error || level == Exception;
    }
    QList<Line> m_lines;
    int m_problems = 0;
};
