import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Everything swan-run takes as a flag, remembered between runs. Changes apply at once.
Dialog {
    id: root

    readonly property var settings: Inspector.settings

    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    padding: 0

    ScrollView {
        id: scroll
        anchors.fill: parent
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 14

            SettingsSection {
                title: qsTr("Security")

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: devRow.implicitHeight + 16
                    radius: 4
                    color: root.settings.developmentMode ? Theme.dangerSoft : Theme.panelAlt
                    border.color: root.settings.developmentMode ? Theme.danger : Theme.border

                    RowLayout {
                        id: devRow
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 10

                        Switch {
                            checked: root.settings.developmentMode
                            onToggled: root.settings.developmentMode = checked
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2

                            Label {
                                text: qsTr("Development switch: do not check domain names, TLS versions and HTTPS certificates")
                                font.bold: true
                                color: root.settings.developmentMode ? Theme.danger : Theme.text
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: qsTr("Skips the allow-list, permits ws:// and accepts any certificate. Phones never do this.")
                                color: Theme.textMuted
                                font.pixelSize: Theme.smallFontSize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }

                EditableList {
                    Layout.fillWidth: true
                    title: qsTr("Allowed domains")
                    hint: qsTr("Hosts a script may connect to (exact match, no wildcards).")
                    placeholder: "example.baidu.com"
                    entries: root.settings.allowedDomains
                    sessionEntries: root.settings.sessionAllowedDomains
                    add: text => root.settings.addAllowedDomain(text)
                    onRemoveRequested: index => root.settings.removeAllowedDomain(index)
                }

                EditableList {
                    Layout.fillWidth: true
                    title: qsTr("Trusted CA certificates")
                    hint: root.settings.sessionCaCertificateCount > 0
                          ? qsTr("PEM files trusted on top of the system's. The demo's own CA is trusted for this session.")
                          : qsTr("PEM files trusted on top of the system's.")
                    entries: root.settings.caCertificateFiles
                    typed: false
                    addLabel: qsTr("Add PEM file…")
                    onAddClicked: caDialogLoader.active = true
                    onRemoveRequested: index => root.settings.removeCaCertificateFile(index)
                }
                Label {
                    id: caError
                    Layout.fillWidth: true
                    visible: text.length > 0
                    color: Theme.danger
                    font.pixelSize: Theme.smallFontSize
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: root.settings.restartNeeded
                    text: qsTr("A removed CA stays trusted until the inspector is restarted.")
                    color: Theme.warning
                    font.pixelSize: Theme.smallFontSize
                }
            }

            SettingsSection {
                title: qsTr("Network")

                EditableList {
                    Layout.fillWidth: true
                    title: qsTr("Connect to (host redirection)")
                    hint: qsTr("curl's --connect-to HOST1:PORT1:HOST2:PORT2: the URL's host is still used for TLS and the Host header.")
                    placeholder: "example.baidu.com:443:127.0.0.1:8443"
                    entries: root.settings.connectTo
                    sessionEntries: root.settings.sessionConnectTo
                    add: text => root.settings.addConnectTo(text)
                    onRemoveRequested: index => root.settings.removeConnectTo(index)
                }

                RowLayout {
                    spacing: 10

                    Label {
                        text: qsTr("Maximum live tasks")
                        color: Theme.text
                    }
                    SpinBox {
                        from: root.settings.minMaxTasks
                        to: root.settings.maxMaxTasks
                        value: root.settings.maxTasks
                        editable: true
                        onValueModified: root.settings.maxTasks = value
                    }
                }
            }

            SettingsSection {
                title: qsTr("Mini-program")

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 8

                    Label {
                        text: qsTr("Base library version")
                        color: Theme.text
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2

                        TextField {
                            id: baseVersion
                            Layout.preferredWidth: 160
                            text: root.settings.baseVersion
                            placeholderText: qsTr("newest")
                            selectByMouse: true
                            onEditingFinished: baseVersionError.text = root.settings.setBaseVersion(text)
                        }
                        Label {
                            id: baseVersionError
                            visible: text.length > 0
                            color: Theme.danger
                            font.pixelSize: Theme.smallFontSize
                        }
                        Label {
                            text: qsTr("Below 1.9.4 a mini-program has one connection at a time.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallFontSize
                        }
                    }

                    Label {
                        text: qsTr("Platform")
                        color: Theme.text
                    }
                    ComboBox {
                        readonly property var platforms: ["ios", "android"]
                        model: ["iOS", "Android"]
                        currentIndex: Math.max(0, platforms.indexOf(root.settings.platform))
                        onActivated: index => root.settings.platform = platforms[index]
                    }

                    Label {
                        text: qsTr("appKey")
                        color: Theme.text
                    }
                    TextField {
                        Layout.fillWidth: true
                        text: root.settings.appKey
                        selectByMouse: true
                        onEditingFinished: root.settings.appKey = text
                    }

                    Label {
                        text: qsTr("Referer")
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: root.settings.referer
                        color: Theme.textMuted
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.smallFontSize + 1
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }

            SettingsSection {
                title: qsTr("Language")

                LanguageBox {}
            }

            Item {
                implicitHeight: 4
            }
        }
    }

    Loader {
        id: caDialogLoader
        active: false
        sourceComponent: FileDialog {
            id: caDialog
            title: qsTr("Trust CA certificates from")
            nameFilters: [qsTr("PEM certificates (*.pem *.crt)"), qsTr("All files (*)")]
            onAccepted: {
                caError.text = root.settings.addCaCertificateFile(caDialog.selectedFile)
                caDialogLoader.active = false
            }
            onRejected: caDialogLoader.active = false
            Component.onCompleted: caDialog.open()
        }
    }
}
