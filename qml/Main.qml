import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The inspector's window: connections on the left, frames in the middle with the console
// and composer below, the selected frame and handshake on the right.
ApplicationWindow {
    id: root

    width: 1280
    height: 800
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: qsTr("SwanSocket Inspector")
    color: Theme.window
    font.pixelSize: Theme.fontSize

    palette {
        window: Theme.window
        base: Theme.panel
        alternateBase: Theme.panelAlt
        text: Theme.text
        windowText: Theme.text
        button: Theme.panelAlt
        buttonText: Theme.text
        highlight: Theme.accent
        highlightedText: "white"
        mid: Theme.border
    }

    header: ColumnLayout {
        spacing: 0

        HeaderBar {
            Layout.fillWidth: true
            onRunScriptRequested: fileDialogs.pick(fileDialogs.runScript)
            onOpenHarRequested: fileDialogs.pick(fileDialogs.openHar)
            onSaveHarRequested: fileDialogs.pick(fileDialogs.saveHar)
            onSettingsRequested: settingsLoader.active = true
        }
        DevelopmentBanner {
            Layout.fillWidth: true
            visible: Inspector.settings.developmentMode
        }
    }

    footer: StatusBar {}

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        ConnectionsPane {
            SplitView.preferredWidth: 290
            SplitView.minimumWidth: 230
            onRunScriptRequested: fileDialogs.pick(fileDialogs.runScript)
            onOpenHarRequested: fileDialogs.pick(fileDialogs.openHar)
        }

        SplitView {
            SplitView.fillWidth: true
            SplitView.minimumWidth: 380
            orientation: Qt.Vertical

            FramesPane {
                id: framesPane
                SplitView.fillHeight: true
                SplitView.minimumHeight: 160
            }
            BottomPane {
                SplitView.preferredHeight: 260
                SplitView.minimumHeight: 140
            }
        }

        DetailPane {
            SplitView.preferredWidth: 360
            SplitView.minimumWidth: 260
            frameRow: framesPane.currentRow
        }
    }

    FileDialogs {
        id: fileDialogs
    }

    Loader {
        id: settingsLoader
        objectName: "settingsLoader"
        active: false
        sourceComponent: SettingsDialog {
            parent: Overlay.overlay
            anchors.centerIn: parent
            width: Math.min(root.width - 80, 640)
            height: root.height - 100
            onClosed: settingsLoader.active = false
            Component.onCompleted: open()
        }
    }

    Toast {
        id: toast
        x: (root.width - width) / 2
        y: root.height - height - 80
        width: Math.min(implicitWidth, root.width - 80)
    }

    Connections {
        target: Inspector
        function onNotice(text: string, isError: bool) {
            toast.show(text, isError)
        }
    }
}
