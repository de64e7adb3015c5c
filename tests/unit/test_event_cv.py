"""bench/event_cv.py's rows of CRF settings."""

from bench.event_cv import crf_settings

CONFIG = {"c1": 1.0, "c2": 0.01, "max_iterations": 200}


def test_without_options_the_one_row_is_the_configs_model() -> None:
    assert crf_settings(CONFIG, None, None) == [CONFIG]


def test_given_weights_cross_and_replace_the_configs_keeping_its_other_parameters() -> None:
    rows = crf_settings(CONFIG, [0.3, 3.0], [0.3])
    assert rows == [
        {"c1": 0.3, "c2": 0.3, "max_iterations": 200},
        {"c1": 3.0, "c2": 0.3, "max_iterations": 200},
    ]
    assert crf_settings(CONFIG, None, [0.1, 1.0]) == [
        {"c1": 1.0, "c2": 0.1, "max_iterations": 200},
        {"c1": 1.0, "c2": 1.0, "max_iterations": 200},
    ]
    assert CONFIG == {"c1": 1.0, "c2": 0.01, "max_iterations": 200}  # the config itself is left as it was
