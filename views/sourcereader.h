#pragma once

#include "displayoffsets.h"

#include <QPlainTextEdit>

namespace AT {

// Shows a source's full text as plain text (never HTML), with every passage the case cites shaded
// and the current passage selected and scrolled into view. Offsets are UTF-16 offsets into the text
// as given, as QString counts, whatever the document makes of its line breaks (see DisplayOffsets).
class SourceReader final : public QPlainTextEdit
{
    Q_OBJECT
public:
    struct Passage
    {
        qint64 start;
        qint64 end;
    };

    explicit SourceReader(QWidget *parent = nullptr);

    void showSource(const QString &title, const QString &text, const QList<Passage> &cited);
    // Selects [start, end) and scrolls it into view.
    void showPassage(qint64 start, qint64 end);
    QString sourceTitle() const { return m_title; }
    // The selected range in the text as given, for tests.
    Passage selectedPassage() const;

Q_SIGNALS:
    // A cited passage was clicked: the position clicked, as a UTF-16 offset into the text as given.
    void passageClicked(qint64 position);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void updateHighlights();
    QString m_title;
    QString m_text;
    DisplayOffsets m_offsets; // the text's offsets <-> the document's positions
    QList<Passage> m_cited;
    Passage m_current {-1, -1};
};

} // namespace AT
