import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// A connection's opening handshake: request and response headers, the timing profile, and
// how the connection ended.
Item {
    id: root

    property int taskId: -1
    property var details: ({})

    readonly property bool known: root.details.taskId !== undefined
    readonly property var profile: root.details.profile || ({})

    function refresh() {
        root.details = root.taskId >= 0 ? Inspector.connectionDetails(root.taskId) : ({})
    }

    function headerText(headers: var): string {
        return (headers || []).map(header => header.name + ": " + header.value).join("\n")
    }

    onTaskIdChanged: refresh()
    Component.onCompleted: refresh()

    Connections {
        target: Inspector.recorder
        function onConnectionChanged(taskId: int) {
            if (taskId === root.taskId)
                root.refresh()
        }
        function onCleared() {
            root.refresh()
        }
    }

    EmptyState {
        anchors.fill: parent
        visible: !root.known
        title: qsTr("No connection selected")
        hint: qsTr("Choose a connection, or a frame, to see its opening handshake.")
    }

    // A Flickable, not a ScrollView: its scroll bar floats above the content, so showing it
    // does not narrow the wrapped texts (which would lay them out again, endlessly).
    Flickable {
        id: scroll
        anchors.fill: parent
        visible: root.known
        clip: true
        contentWidth: width
        contentHeight: sections.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: sections
            width: scroll.width
            spacing: 6

            SectionTitle {
                text: qsTr("General")
            }
            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                columns: 2
                columnSpacing: 12
                rowSpacing: 4

                FactName {
                    text: qsTr("URL")
                }
                FactValue {
                    text: root.details.urlString || ""
                }
                FactName {
                    text: qsTr("Status")
                }
                FactValue {
                    text: root.details.statusCode > 0
                          ? root.details.statusCode + " " + (root.details.reasonPhrase || "")
                          : qsTr("no response")
                }
                FactName {
                    text: qsTr("Subprotocol")
                }
                FactValue {
                    text: root.details.protocol ? root.details.protocol : qsTr("none")
                }
                FactName {
                    text: qsTr("State")
                }
                StateBadge {
                    readyState: root.details.state || 0
                    failed: (root.details.lastError || "").length > 0
                }
                FactName {
                    visible: root.details.closeCode > 0
                    text: qsTr("Closed")
                }
                FactValue {
                    visible: root.details.closeCode > 0
                    text: (root.details.closeDirection === Wire.Sent
                           ? qsTr("by us with %1") : qsTr("by the server with %1")).arg(root.details.closeCode)
                          + (root.details.closeReason ? " “" + root.details.closeReason + "”" : "")
                }
                FactName {
                    visible: (root.details.lastError || "").length > 0
                    text: qsTr("Error")
                }
                FactValue {
                    visible: (root.details.lastError || "").length > 0
                    text: root.details.lastError || ""
                    color: Theme.danger
                }
            }

            SectionTitle {
                text: qsTr("Timing")
            }
            TimingProfile {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                profile: root.profile
            }

            SectionTitle {
                text: qsTr("Request headers")
                copyText: root.headerText(root.details.requestHeaders)
            }
            HeaderTable {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                headers: root.details.requestHeaders || []
                emptyText: qsTr("Not recorded for this connection.")
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                Layout.preferredWidth: 1
                visible: !root.details.offline
                text: qsTr("Qt adds Host, Upgrade, Connection, Sec-WebSocket-Key and Sec-WebSocket-Version itself.")
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
                wrapMode: Text.Wrap
            }

            SectionTitle {
                text: qsTr("Response headers")
                copyText: root.headerText(root.details.responseHeaders)
            }
            HeaderTable {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                Layout.bottomMargin: 12
                headers: root.details.responseHeaders || []
                emptyText: qsTr("No response yet.")
            }
        }
    }

    component SectionTitle: Rectangle {
        id: section

        property alias text: title.text
        property string copyText

        Layout.fillWidth: true
        Layout.topMargin: 4
        implicitHeight: 30
        color: Theme.panelAlt

        Label {
            id: title
            anchors.left: parent.left
            anchors.leftMargin: 10
            anchors.verticalCenter: parent.verticalCenter
            font.bold: true
            color: Theme.text
        }
        CopyButton {
            anchors.right: parent.right
            anchors.rightMargin: 6
            anchors.verticalCenter: parent.verticalCenter
            visible: section.copyText.length > 0
            onClicked: Inspector.copyText(section.copyText)
        }
    }

    component FactName: Label {
        color: Theme.textMuted
        font.pixelSize: Theme.smallFontSize
        Layout.alignment: Qt.AlignTop
    }

    // Wrapping labels take the width the layout gives them (preferredWidth 1): were their
    // implicit width to count, each relayout would change it again.
    component FactValue: Label {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        color: Theme.text
        wrapMode: Text.WrapAnywhere
    }
}
