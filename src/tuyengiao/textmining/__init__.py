"""Text mining of Vietnamese propaganda-work articles: documents cited, the conference, key tasks."""

from tuyengiao.textmining.convert import ConversionError
from tuyengiao.textmining.extract import extract_file, extract_text

__all__ = ["ConversionError", "extract_file", "extract_text"]
