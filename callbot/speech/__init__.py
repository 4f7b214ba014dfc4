"""Speech in and out: recognition (Vosk), synthesis (gTTS, espeak-ng), audio files.

- ``asr.py``          the recognizer seam: Vosk, one shared model, words with confidences
- ``model_files.py``  which speech models are installed, and fetching one
- ``tts.py``          prompts rendered to 8 kHz telephone WAV; ``speaker.py`` read-backs at run time
- ``prompts.py``      the prompt file (every word a caller hears) and its rendered audio
- ``audio.py``        WAV helpers: durations, voice energy, tones, silence, noise
- ``endpoint.py``     when a caller starts and stops speaking, frame by frame

May import: ``config``, ``errors``.
"""
