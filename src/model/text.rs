//! Folding names for matching and file names: lower case, Latin diacritics removed,
//! Ukrainian Cyrillic transliterated.

/// Lower case, no diacritics, Cyrillic transliterated; anything else than a letter or
/// a digit becomes a space.
pub fn transliterate(text: &str) -> String {
    let mut latin = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(letters) => latin.push_str(letters),
            None if c.is_alphanumeric() => latin.push(c),
            None => latin.push(' '),
        }
    }
    latin
}

/// The Latin letters a character folds to, when it is not plain ASCII.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'а' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'д' => "d",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'е' | 'э' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'і' | 'ї' | 'й' => "i",
        'ł' | 'ľ' | 'ĺ' | 'л' => "l",
        'ñ' | 'ń' | 'ň' | 'н' => "n",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' | 'о' => "o",
        'ř' | 'ŕ' | 'р' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'с' => "s",
        'ť' | 'ţ' | 'ț' | 'т' => "t",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'у' => "u",
        'ý' | 'ÿ' | 'и' | 'ы' => "y",
        'ź' | 'ż' | 'ž' | 'з' => "z",
        'ß' => "ss",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'є' => "ie",
        'ж' => "zh",
        'к' => "k",
        'м' => "m",
        'п' => "p",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "iu",
        'я' => "ia",
        'ь' | 'ъ' | '\'' | '’' | 'ʼ' => "",
        'ё' => "e",
        _ => return None,
    })
}
