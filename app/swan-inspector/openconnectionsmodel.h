#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

/**
 * The connections the composer can send into or close: live tasks (not imported ones) that
 * are Open. Follows the ConnectionModel it filters as states change.
 */
class OpenConnectionsModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Inspector owns this model")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit OpenConnectionsModel(QObject *parent = nullptr);

    int count() const;
    /// The task id at @p row, -1 when none.
    Q_INVOKABLE int taskIdAt(int row) const;
    /// The row of task @p taskId, -1 when it is not open.
    Q_INVOKABLE int rowOfTask(int taskId) const;

Q_SIGNALS:
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};
