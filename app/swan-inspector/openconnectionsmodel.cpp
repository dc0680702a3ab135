#include "openconnectionsmodel.h"

#include <SwanSocket/connectionmodel.h>
#include <SwanSocket/sockettask.h>

using namespace SwanSocket;

OpenConnectionsModel::OpenConnectionsModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &OpenConnectionsModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &OpenConnectionsModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &OpenConnectionsModel::countChanged);
}

int OpenConnectionsModel::count() const { return rowCount(); }

int OpenConnectionsModel::taskIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return index(row, 0).data(ConnectionModel::TaskIdRole).toInt();
}

int OpenConnectionsModel::rowOfTask(int taskId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(ConnectionModel::TaskIdRole).toInt() == taskId)
            return row;
    }
    return -1;
}

bool OpenConnectionsModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ConnectionModel::StateRole).toInt() == SocketTask::Open
            && !index.data(ConnectionModel::OfflineRole).toBool();
}
