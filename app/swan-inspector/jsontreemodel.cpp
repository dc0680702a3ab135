#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractListModel(parent) { }

JsonTreeModel::~JsonTreeModel() = default;

QString JsonTreeModel::json() const { return m_json; }

bool JsonTreeModel::isValid() const { return !m_nodes.isEmpty(); }

bool JsonTreeModel::isTruncated() const { return m_truncated; }

void JsonTreeModel::setJson(const QString &json)
{
    if (json == m_json)
        return;
    beginResetModel();
    m_json = json;
    m_nodes.clear();
    m_rows.clear();
    m_truncated = false;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && (document.isObject() || document.isArray())) {
        addNode({},
                document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()),
                0);
        // Small documents open fully; bigger ones show their first two levels.
        const bool small = m_nodes.size() <= 60;
        for (Node &node : m_nodes)
            node.expanded = small || node.depth < 2;
        m_rows.append(0);
        appendVisibleChildren(0, &m_rows);
    }
    endResetModel();
    Q_EMIT jsonChanged();
    Q_EMIT countChanged();
}

int JsonTreeModel::addNode(const QString &key, const QJsonValue &value, int depth)
{
    const int index = int(m_nodes.size());
    Node node;
    node.key = key;
    node.depth = depth;
    switch (value.type()) {
    case QJsonValue::Object:
        node.kind = Object;
        break;
    case QJsonValue::Array:
        node.kind = Array;
        break;
    case QJsonValue::String: {
        node.kind = String;
        QString text = value.toString();
        if (text.size() > MaxValueLength)
            text = text.left(MaxValueLength) + QChar(0x2026);
        // The JSON spelling, quotes and escapes included.
        const QByteArray quoted = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
        node.valueText = QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
        break;
    }
    case QJsonValue::Double: {
        node.kind = Number;
        const QByteArray number = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        node.valueText = QString::fromUtf8(number.mid(1, number.size() - 2));
        break;
    }
    case QJsonValue::Bool:
        node.kind = Bool;
        node.valueText = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        node.kind = Null;
        node.valueText = QStringLiteral("null");
        break;
    }
    m_nodes.append(node);

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (m_nodes.size() >= MaxNodes) {
                m_truncated = true;
                break;
            }
            const int child = addNode(it.key(), it.value(), depth + 1);
            m_nodes[index].children.append(child);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (m_nodes.size() >= MaxNodes) {
                m_truncated = true;
                break;
            }
            const int child = addNode(QStringLiteral("[%1]").arg(i), array.at(i), depth + 1);
            m_nodes[index].children.append(child);
        }
    }
    return index;
}

void JsonTreeModel::appendVisibleChildren(int node, QList<int> *rows) const
{
    if (!m_nodes.at(node).expanded)
        return;
    for (int child : m_nodes.at(node).children) {
        rows->append(child);
        appendVisibleChildren(child, rows);
    }
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node &node = m_nodes.at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole:
        return node.key;
    case ValueTextRole:
        return node.valueText;
    case KindRole:
        return int(node.kind);
    case DepthRole:
        return node.depth;
    case ExpandableRole:
        return !node.children.isEmpty();
    case ExpandedRole:
        return node.expanded;
    case ChildCountRole:
        return int(node.children.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> JsonTreeModel::roleNames() const
{
    return {{KeyRole, "key"},
            {ValueTextRole, "valueText"},
            {KindRole, "kind"},
            {DepthRole, "depth"},
            {ExpandableRole, "expandable"},
            {ExpandedRole, "expanded"},
            {ChildCountRole, "childCount"}};
}

void JsonTreeModel::toggle(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const int nodeIndex = m_rows.at(row);
    Node &node = m_nodes[nodeIndex];
    if (node.children.isEmpty())
        return;
    if (node.expanded) {
        QList<int> shown;
        appendVisibleChildren(nodeIndex, &shown);
        node.expanded = false;
        if (!shown.isEmpty()) {
            beginRemoveRows({}, row + 1, row + int(shown.size()));
            m_rows.remove(row + 1, shown.size());
            endRemoveRows();
        }
    } else {
        node.expanded = true;
        QList<int> shown;
        appendVisibleChildren(nodeIndex, &shown);
        beginInsertRows({}, row + 1, row + int(shown.size()));
        for (qsizetype i = 0; i < shown.size(); ++i)
            m_rows.insert(row + 1 + i, shown.at(i));
        endInsertRows();
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ExpandedRole});
    Q_EMIT countChanged();
}

void JsonTreeModel::setAllExpanded(bool expanded)
{
    if (m_nodes.isEmpty())
        return;
    beginResetModel();
    for (Node &node : m_nodes)
        node.expanded = expanded;
    m_nodes[0].expanded = true; // the root's members stay in sight
    m_rows = {0};
    appendVisibleChildren(0, &m_rows);
    endResetModel();
    Q_EMIT countChanged();
}

void JsonTreeModel::expandAll() { setAllExpanded(true); }

void JsonTreeModel::collapseAll() { setAllExpanded(false); }
