import QtQuick
import QtQuick.Controls
import SwanInspector
import SwanInspector.Ui

// The filtered frames, virtualised. Sticks to the newest frame until the user scrolls up;
// scrolling back to the bottom (or "Jump to latest") sticks again.
ListView {
    id: root

    property bool showsTask: true
    property bool followsLatest: true
    // True while the view scrolls itself, so that does not count as the user scrolling.
    property bool scrollingItself: false

    function jumpToLatest() {
        root.followsLatest = true
        root.scrollingItself = true
        root.positionViewAtEnd()
        root.scrollingItself = false
    }

    clip: true
    model: Inspector.frames
    currentIndex: -1
    boundsBehavior: Flickable.StopAtBounds
    highlightFollowsCurrentItem: false
    keyNavigationEnabled: true
    focus: true
    reuseItems: true
    ScrollBar.vertical: ScrollBar {
        id: scrollBar
    }

    delegate: FrameRow {
        id: frame
        width: ListView.view.width
        showsTask: root.showsTask
        selected: frame.ListView.isCurrentItem
        onClicked: {
            root.currentIndex = frame.index
            root.forceActiveFocus()
        }
    }

    // Queued from onCountChanged: the user may have scrolled away before it runs, and a
    // scroll must win over frames that arrived just before it.
    function keepLatestInView() {
        if (!root.followsLatest || root.moving)
            return
        root.scrollingItself = true
        root.positionViewAtEnd()
        root.scrollingItself = false
    }

    onCountChanged: {
        if (root.followsLatest)
            Qt.callLater(root.keepLatestInView)
    }
    onContentYChanged: {
        if (!root.scrollingItself && (root.moving || scrollBar.active))
            root.followsLatest = root.atYEnd
    }
    onMovementEnded: root.followsLatest = root.atYEnd

    EmptyState {
        anchors.fill: parent
        visible: root.count === 0
        title: Inspector.frameModel.count > 0 ? qsTr("No frame matches the filter")
                                              : qsTr("No frames yet")
        hint: Inspector.frameModel.count > 0
              ? qsTr("Change or clear the filter to see the other frames.")
              : qsTr("Messages and control frames appear here as they are sent and received.")
    }

    Button {
        id: jumpButton
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        visible: !root.followsLatest && root.count > 0
        text: qsTr("Jump to latest \u2193")
        leftPadding: 16
        rightPadding: 16
        onClicked: root.jumpToLatest()
        contentItem: Label {
            text: jumpButton.text
            color: "white"
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            implicitHeight: 30
            radius: 15
            color: jumpButton.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent
        }
    }
}
