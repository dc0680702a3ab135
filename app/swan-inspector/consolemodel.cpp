#include "consolemodel.h"

ConsoleModel::ConsoleModel(QObject *parent) : QAbstractListModel(parent) { }

void ConsoleModel::append(Level level, const QString &source, const QString &text)
{
    if (m_lines.size() >= MaxLines) {
        // Drop a tenth at once: one removal per 500 lines rather than one per line.
        const int drop = MaxLines / 10;
        beginRemoveRows({}, 0, drop - 1);
        for (int i = 0; i < drop; ++i)
            m_problems -= isProblem(m_lines.at(i).level) ? 1 : 0;
        m_lines.remove(0, drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size()));
    m_lines.append({QDateTime::currentDateTime(), level, source, text});
    m_problems += isProblem(level) ? 1 : 0;
    endInsertRows();
    Q_EMIT countChanged();
}

int ConsoleModel::problemCount() const { return m_problems; }

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    switch (role) {
    case TimeTextRole:
        return line.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelRole:
        return int(line.level);
    case SourceRole:
        return line.source;
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsoleModel::roleNames() const
{
    return {{TimeTextRole, "timeText"},
            {LevelRole, "level"},
            {SourceRole, "source"},
            {TextRole, "text"}};
}

void ConsoleModel::clear()
{
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    m_problems = 0;
    endResetModel();
    Q_EMIT countChanged();
}

QString ConsoleModel::toPlainText() const
{
    QString text;
    for (const Line &line : m_lines) {
        text += line.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        if (!line.source.isEmpty())
            text += QStringLiteral(" [%1]").arg(line.source);
        text += QLatin1Char(' ') + line.text + QLatin1Char('\n');
    }
    return text;
}
