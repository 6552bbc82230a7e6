#pragma once

#include <QtGlobal>

#include <string_view>

namespace AT::Html {

// A named character reference ("amp" for &amp;): one or two code points. `legacy` names are also
// recognised without the semicolon ("&copy 2024"), as browsers do.
struct NamedReference
{
    const char *name;
    char32_t first;
    char32_t second; // 0 when the reference is one code point
    bool legacy;
};

// The reference with exactly this name (without '&' and ';'), or nullptr.
const NamedReference *findNamedReference(std::string_view name);
qsizetype namedReferenceCount();

} // namespace AT::Html
