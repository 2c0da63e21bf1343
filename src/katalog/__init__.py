"""Oplæringsvejleder-kataloget: YAML content in, a validated catalogue model out."""

__version__ = "0.1.0"
