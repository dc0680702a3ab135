import QtQuick

// The frame list's column widths, shared by its header and its rows.
QtObject {
    readonly property int arrow: 26
    readonly property int time: 96
    readonly property int task: 44
    readonly property int type: 62
    readonly property int length: 76
}
