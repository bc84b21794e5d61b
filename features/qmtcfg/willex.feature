@area:qmtcfg @sub-option:willex
Feature: AT+QMTCFG="willex" — Will information with the message entered after a prompt (spec 3.3.1)

  Like "will", but the Will message is typed after a ">" prompt and is <will_len> (0~256) bytes
  long. How input ends before <will_len> bytes is not stated (A11); scenarios never send fewer than
  <will_len> bytes. Longer input is cut to its first <will_len> bytes ("only the first <will_len>
  bytes of the data are sent"), checked in the CONNECT. Whether <will_fg> 0 with the full parameter
  list shows the prompt is reading A11willex (without a prompt, A11 decides OK or ERROR).
  The note gives "willex" no "connection not created" condition (A10): this harness takes that as
  reading A10willex, "accepted" (the words allow a set at any time) or "refused" (the condition was
  left out by mistake, as for the other seventeen sub-options). Both are allowed while the MQTT
  connection is up; either way the query afterwards must agree with the answer. The default of
  <will_fg> is not stated (A8), but a power-up flag of 1 would need a <willtopic> nobody gave:
  the freshly restarted module must report 0 (see will.feature).
  Readings of the note this feature depends on (src/variants/readings.ts): A10willex, A11willex, A11.

  Rule: The query form reports the current Will configuration

    @spec:3.3.1:willex:query @reboot
    Scenario: A freshly restarted module reports no Will
      Given the module has restarted
      When the host sends AT+QMTCFG="willex",0
      Then the module answers:
        """
        +QMTCFG: "willex",0
        OK
        """

  Rule: The set form prompts for <will_len> bytes of Will message and the query reports the setting

    @spec:3.3.1:willex:set @spec:3.3.1:willex:query
    Scenario Outline: Will with a <len>-byte message entered after the prompt on client <idx>
      When the host sends AT+QMTCFG="willex",<idx>,1,<qos>,<retain>,"<topic>",<len> with a payload of <len> bytes
      Then the module answers OK
      When the host sends AT+QMTCFG="willex",<idx>
      Then the module answers:
        """
        +QMTCFG: "willex",1,<qos>,<retain>,"<topic>",<len>
        OK
        """

      @spec:3.3.1:willex:will_len:range
      Examples: <will_len> at its limits
        | idx | qos | retain | topic | len |
        | 0   | 1   | 0      | w/x   | 1   |
        | 5   | 0   | 1      | w/x   | 256 |

      @spec:3.3.1:willex:will_qos:range @spec:3.3.1:willex:will_fg:range
      Examples: <will_qos> in range
        | idx | qos | retain | topic | len |
        | 1   | 0   | 0      | w/q   | 4   |
        | 2   | 2   | 0      | w/q   | 4   |

      @spec:3.3.1:willex:will_retain:range
      Examples: <will_retain> in range
        | idx | qos | retain | topic | len |
        | 3   | 1   | 1      | w/r   | 4   |

      @spec:3.3.1:willex:willtopic:range
      Examples: <willtopic> of 256 bytes
        | idx | qos | retain | topic      | len |
        | 4   | 1   | 0      | {text:256} | 4   |

    Scenario Outline: Will set to <value> is refused with ERROR, without a prompt
      When the host sends AT+QMTCFG="willex",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:willex:will_fg:range
      Examples: <will_fg> out of range
        | value          |
        | 2,1,0,"w",4    |

      @spec:3.3.1:willex:will_qos:range
      Examples: <will_qos> out of range
        | value          |
        | 1,3,0,"w",4    |

      @spec:3.3.1:willex:will_retain:range
      Examples: <will_retain> out of range
        | value          |
        | 1,1,2,"w",4    |

      @spec:3.3.1:willex:willtopic:range
      Examples: <willtopic> empty or over 256 bytes
        | value                |
        | 1,1,0,"",4           |
        | 1,1,0,"{text:257}",4 |

      @spec:3.3.1:willex:will_len:range
      Examples: <will_len> out of range
        | value          |
        | 1,1,0,"w",257  |
        | 1,1,0,"w",-1   |
        | 1,1,0,"w",x    |

  Rule: Input longer than <will_len> is cut: only the first <will_len> bytes are the Will message

    @spec:3.3.1:willex:set @spec:3.3.4:set
    Scenario: Ten bytes typed after the prompt of a 5-byte Will: the CONNECT carries the first five
      When the host sends AT+QMTCFG="willex",0,1,1,0,"qmt/willex/cut",5 with payload "gone!EXTRA"
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-willex-cut"
      Then the broker receives a CONNECT with:
        | client id    | qmt-willex-cut |
        | will flag    | 1              |
        | will topic   | qmt/willex/cut |
        | will message | gone!          |
        | will qos     | 1              |
        | will retain  | 0              |

  Rule: <will_fg> 0 with the full parameter list: a prompt or none (A11willex)

    @spec:3.3.1:willex:set @spec:3.3.1:willex:query
    Scenario: "willex" with <will_fg> 0 and a <will_len> clears the Will, with or without a prompt
      When the host sends AT+QMTCFG="willex",0,1,1,0,"w/a11",4 with payload "gone"
      Then the module answers OK
      When the host sends AT+QMTCFG="willex",0,0,1,0,"w/a11",4 with payload "gone"
      Then by reading A11willex the module prompts and answers one of:
        | no-prompt | OK         |
        | no-prompt | ERROR      |
        | prompt    | > then OK  |
      When the host sends AT+QMTCFG="willex",0
      Then by reading A11willex the module answers one of:
        | no-prompt | +QMTCFG: "willex",0                 |
        | no-prompt | +QMTCFG: "willex",1,1,0,"w/a11",4   |
        | prompt    | +QMTCFG: "willex",0                 |

  Rule: "willex" while the MQTT connection is up: the note states no condition (A10willex)

    @spec:3.3.1:willex:set @spec:3.3.1:willex:query
    Scenario: "willex" set while the MQTT connection is up is accepted or refused, and the query agrees
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="willex",0,1,1,0,"w/up",4 with payload "gone"
      Then by reading A10willex the module prompts and answers one of:
        | accepted | > then OK |
        | refused  | ERROR     |
      When the host sends AT+QMTCFG="willex",0
      Then by reading A10willex the module answers one of:
        | accepted | +QMTCFG: "willex",1,1,0,"w/up",4 |
        | refused  | +QMTCFG: "willex",0              |
