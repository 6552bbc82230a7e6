#pragma once

#include <QList>
#include <QString>

namespace AT {

// Maps UTF-16 offsets into a stored text to positions in a QTextDocument that shows it as plain
// text (QPlainTextEdit::setPlainText), and back. The document makes a block break of every CR LF,
// lone CR, LF, U+2029 and Qt's frame markers U+FDD0 and U+FDD1 (U+2028 stays a line break inside
// its block); only CR LF changes the count, two units becoming one, so every position after a CR LF
// is one less per CR LF before it. Needs no document: the pairs are found in the text once.
class DisplayOffsets
{
public:
    DisplayOffsets() = default;
    explicit DisplayOffsets(const QString &text);

    // An offset between the CR and the LF of a pair maps to the start of the next block, as does
    // the offset after the LF. Negative offsets stay as they are (-1 means "none").
    qint64 toDisplay(qint64 stored) const;
    // A document position back to the stored text; a block break from a CR LF maps to its CR.
    qint64 toStored(qint64 display) const;

private:
    QList<qint64> m_pairs; // stored UTF-16 offsets of the CR of each CR LF, ascending
};

} // namespace AT
