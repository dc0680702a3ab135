#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QSortFilterProxyModel>

#include <memory>

namespace SwanSocket {

class FrameModel;
class FrameFilterModelPrivate;

/**
 * Filters a FrameModel (its sourceModel) for the frame list; keeps the source order.
 *
 * A frame is shown when it passes every filter: direction, type, showControlFrames and
 * filterText. filterText matches text payloads and close reasons, and binary payloads read
 * as Latin-1 (so ASCII inside binary data is found); case-insensitive unless
 * filterCaseSensitivity says otherwise. With filterIsRegex, filterText is a
 * QRegularExpression; an invalid one matches nothing and makes valid false.
 */
class SWANSOCKET_EXPORT FrameFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool filterIsRegex READ filterIsRegex WRITE setFilterIsRegex NOTIFY
                       filterIsRegexChanged)
    /// False while filterIsRegex is set and filterText is not a valid regular expression.
    Q_PROPERTY(bool valid READ isValid NOTIFY validChanged)
    /// The regular expression's error, translated; "" when valid.
    Q_PROPERTY(QString errorString READ errorString NOTIFY validChanged)
    Q_PROPERTY(DirectionFilter directionFilter READ directionFilter WRITE setDirectionFilter NOTIFY
                       directionFilterChanged)
    Q_PROPERTY(TypeFilter typeFilter READ typeFilter WRITE setTypeFilter NOTIFY typeFilterChanged)
    /// Whether close, ping and pong frames are shown (default true).
    Q_PROPERTY(bool showControlFrames READ showControlFrames WRITE setShowControlFrames NOTIFY
                       showControlFramesChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum DirectionFilter { AllDirections, SentOnly, ReceivedOnly };
    Q_ENUM(DirectionFilter)
    enum TypeFilter { AllTypes, TextOnly, BinaryOnly, ControlOnly };
    Q_ENUM(TypeFilter)

    explicit FrameFilterModel(QObject *parent = nullptr);
    ~FrameFilterModel() override;

    QString filterText() const;
    void setFilterText(const QString &text);
    bool filterIsRegex() const;
    void setFilterIsRegex(bool regex);
    bool isValid() const;
    QString errorString() const;
    DirectionFilter directionFilter() const;
    void setDirectionFilter(DirectionFilter filter);
    TypeFilter typeFilter() const;
    void setTypeFilter(TypeFilter filter);
    bool showControlFrames() const;
    void setShowControlFrames(bool show);
    int count() const;

    /// The source (FrameModel) row of @p row, -1 when not there.
    Q_INVOKABLE int sourceRow(int row) const;
    // FrameModel's detail-pane accessors, by row of this model.
    Q_INVOKABLE QString payloadText(int row) const;
    Q_INVOKABLE QString prettyJson(int row) const;
    Q_INVOKABLE QString hexDump(int row) const;
    Q_INVOKABLE QString base64(int row) const;

Q_SIGNALS:
    void filterTextChanged();
    void filterIsRegexChanged();
    void validChanged();
    void directionFilterChanged();
    void typeFilterChanged();
    void showControlFramesChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    friend class FrameFilterModelPrivate;
    std::unique_ptr<FrameFilterModelPrivate> const d;
};

} // namespace SwanSocket
