#pragma once

// Helpers for tests that drive the main window: selecting words in the source reader as a user
// does, and answering the next message box.

#include "mainwindow.h"
#include "selectionstate.h"
#include "sourcepanel.h"
#include "sourcereader.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTextCursor>
#include <QTimer>

namespace AT::WindowTest {

// Shows source `sourceId` in the reader and selects the first occurrence of `words` in it.
inline bool selectInReader(MainWindow &window, const QString &sourceId, const QString &words)
{
    window.selection()->setCurrentSource(sourceId);
    SourceReader *reader = window.sourcePanel()->reader();
    const qsizetype at = reader->toPlainText().indexOf(words);
    if (at < 0) {
        qWarning("not in the reader: %s", qPrintable(words));
        return false;
    }
    QTextCursor cursor(reader->document());
    cursor.setPosition(static_cast<int>(at));
    cursor.setPosition(static_cast<int>(at + words.size()), QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
    return true;
}

// Clicks the button labelled `label` (mnemonic ampersands ignored) of the next message box once it
// shows; `text`, when given, receives its text and informative text.
inline void answerNextMessageBox(const QString &label, QString *text = nullptr)
{
    QTimer::singleShot(0, [label, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(label, text); // not shown yet
            return;
        }
        if (text) {
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        }
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == label) {
                b->click();
                return;
            }
        }
        box->reject();
    });
}

} // namespace AT::WindowTest
