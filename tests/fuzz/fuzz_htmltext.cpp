// libFuzzer target: the HTML main-text extractor (our own tokenizer) on arbitrary bytes. It must
// never crash or hang, and what it gives is paragraphs: no blank line at either end and never two
// in a row.

#include "htmltext.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const AT::HtmlExtract e = AT::extractHtml(html);
    if (e.text.startsWith(QLatin1Char('\n')) || e.text.endsWith(QLatin1Char('\n'))
        || e.text.contains(QLatin1StringView("\n\n\n"))) {
        abort();
    }
    if (e.published.isValid() && !e.published.firstDay().isValid()) {
        abort();
    }
    (void)AT::decodeHtmlReferences(html, size % 2 == 0);
    return 0;
}
