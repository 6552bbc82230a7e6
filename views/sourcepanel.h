#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;

namespace AT {

class SelectionState;
class SourceReader;

// The source reader with its source chooser and what is known about the source. Opening a citation
// shows its source with every cited passage shaded and the quote selected; clicking a cited passage
// selects the events that cite it (two-way).
class SourcePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePanel(QWidget *parent = nullptr);

    void setModels(QAbstractItemModel *sources, QAbstractItemModel *citations);
    void setSelectionState(SelectionState *state);
    SourceReader *reader() const { return m_reader; }
    QString status() const;

    // Opens citation `row` of the citation model in its source.
    void openCitation(int row);
    // Shows source `row` of the source model.
    void showSource(int row);

private:
    void passageClicked(qint64 position);
    int rowOfSource(const QString &id) const;

    QPointer<QAbstractItemModel> m_sources;
    QPointer<QAbstractItemModel> m_citations;
    QPointer<SelectionState> m_selection;
    QComboBox *m_chooser;
    QLabel *m_meta;
    QLabel *m_status;
    SourceReader *m_reader;
    int m_current = -1;
    QString m_shownId;
};

} // namespace AT
