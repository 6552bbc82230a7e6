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
// selects the events that cite it (two-way). A reference-only source has no text to read: the panel
// says so, with its title and URL, in place of the reader (never an empty reader, as if the article
// were empty), and nothing can be selected or cited in it.
class SourcePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePanel(QWidget *parent = nullptr);

    void setModels(QAbstractItemModel *sources, QAbstractItemModel *citations);
    // The sentences of the shown source (SentenceCoverageModel's roles): the reader marks them, and
    // the next-unreviewed command walks them.
    void setCoverageModel(QAbstractItemModel *sentences);
    void setSelectionState(SelectionState *state);
    SourceReader *reader() const { return m_reader; }
    QString status() const;
    // What stands in place of the reader while a reference-only source is shown (its text is not
    // in the case); empty while a text is shown.
    QString notice() const;

    // Opens citation `row` of the citation model in its source.
    void openCitation(int row);
    // Shows source `row` of the source model.
    void showSource(int row);
    // Selects the next unreviewed sentence after the selection (or cursor) and scrolls to it; after
    // the last one of the source, the first of the next source that has one, wrapping around. With
    // `backwards`, the one before. False, saying so, when no sentence of any source is unreviewed.
    bool showNextUnreviewed(bool backwards = false);

private:
    void passageClicked(qint64 position);
    void updateSentenceMarks();
    // The row of the coverage model's unreviewed sentence to go to from `position` (UTF-16); -1: none.
    int unreviewedFrom(qint64 position, bool backwards) const;
    int rowOfSource(const QString &id) const;

    QPointer<QAbstractItemModel> m_sources;
    QPointer<QAbstractItemModel> m_citations;
    QPointer<QAbstractItemModel> m_sentences;
    QPointer<SelectionState> m_selection;
    QComboBox *m_chooser;
    QLabel *m_meta;
    QLabel *m_status;
    QLabel *m_notice; // instead of the reader, for a reference-only source
    SourceReader *m_reader;
    int m_current = -1;
    QString m_shownId;
};

} // namespace AT
