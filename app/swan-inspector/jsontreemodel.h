#pragma once

#include <QAbstractListModel>
#include <QJsonValue>
#include <QQmlEngine>

/**
 * A JSON document as a collapsible tree, flattened into the rows that are visible now (a row
 * per expanded node's child, depth-first), for a ListView. toggle() opens or folds a node in
 * place with row insertions/removals, so the view keeps its scroll position.
 */
class JsonTreeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// The JSON text; anything that is not a JSON object or array shows no rows.
    Q_PROPERTY(QString json READ json WRITE setJson NOTIFY jsonChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY jsonChanged)
    /// True when the document had more than maxNodes nodes and only the first ones are shown.
    Q_PROPERTY(bool truncated READ isTruncated NOTIFY jsonChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int maxNodes READ maxNodes CONSTANT)

public:
    enum Kind { Object, Array, String, Number, Bool, Null };
    Q_ENUM(Kind)
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< member name, "[i]" for array items, "" for the root
        ValueTextRole, ///< scalars as JSON ("text", 12, true, null); "" for containers
        KindRole,
        DepthRole,
        ExpandableRole, ///< a non-empty object or array
        ExpandedRole,
        ChildCountRole,
    };
    Q_ENUM(Role)

    static constexpr int MaxNodes = 20000;
    static constexpr int MaxValueLength = 2000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    QString json() const;
    void setJson(const QString &json);
    bool isValid() const;
    bool isTruncated() const;
    int maxNodes() const { return MaxNodes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE void expandAll();
    Q_INVOKABLE void collapseAll();

Q_SIGNALS:
    void jsonChanged();
    void countChanged();

private:
    struct Node
    {
        QString key;
        QString valueText;
        Kind kind = Null;
        int depth = 0;
        QList<int> children;
        bool expanded = false;
    };
    int addNode(const QString &key, const QJsonValue &value, int depth);
    void appendVisibleChildren(int node, QList<int> *rows) const;
    void setAllExpanded(bool expanded);

    QString m_json;
    bool m_truncated = false;
    QList<Node> m_nodes; // depth-first; node 0 is the root
    QList<int> m_rows; // visible nodes
};
