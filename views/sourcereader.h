#pragma once

#include "displayoffsets.h"

#include <QPlainTextEdit>
#include <QTextFormat>

namespace AT {

// Shows a source's full text as plain text (never HTML), with every passage the case cites shaded
// and the current passage selected and scrolled into view. Offsets are UTF-16 offsets into the text
// as given, as QString counts, whatever the document makes of its line breaks (see DisplayOffsets).
// Source coverage marks sentences: an unreviewed one on an amber ground with a dotted underline, one
// reviewed and not used in muted letters; hovering any marked sentence says why (plain text).
class SourceReader final : public QPlainTextEdit
{
    Q_OBJECT
public:
    struct Passage
    {
        qint64 start;
        qint64 end;
    };

    // A sentence and whether the case accounts for it (SentenceStatus as an int), with why.
    struct SentenceMark
    {
        qint64 start;
        qint64 end;
        int status;
        QString why;
    };

    // Set (true) on the format of every extra selection that marks a sentence, so that the marks can
    // be told from the citations' shade.
    static constexpr int SentenceMarkProperty = QTextFormat::UserProperty + 1;

    explicit SourceReader(QWidget *parent = nullptr);

    void showSource(const QString &title, const QString &text, const QList<Passage> &cited);
    // Selects [start, end) and scrolls it into view.
    void showPassage(qint64 start, qint64 end);
    QString sourceTitle() const { return m_title; }
    // The selected range in the text as given, for tests.
    Passage selectedPassage() const;
    // Marks the source's sentences (source coverage); cleared when another text is shown.
    void setSentenceMarks(const QList<SentenceMark> &marks);
    const QList<SentenceMark> &sentenceMarks() const { return m_marks; }
    // The plain text a tooltip at the stored UTF-16 offset says; empty when none.
    QString toolTipAt(qint64 position) const;

Q_SIGNALS:
    // A cited passage was clicked: the position clicked, as a UTF-16 offset into the text as given.
    void passageClicked(qint64 position);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateHighlights();
    QString m_title;
    QString m_text;
    DisplayOffsets m_offsets; // the text's offsets <-> the document's positions
    QList<Passage> m_cited;
    QList<SentenceMark> m_marks; // in text order
    Passage m_current {-1, -1};
};

} // namespace AT
